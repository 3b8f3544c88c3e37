package io.kraftport.report;

import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.ImportStep;
import io.kraftport.plan.SettingChange;

/** Renders a registry import plan and its outcome as aligned text. */
public final class RegistryTexts {
  private RegistryTexts() {}

  public static String plan(ImportPlan plan, boolean verbose) {
    StringBuilder sb = new StringBuilder();
    sb.append("Target registry ")
        .append(plan.target())
        .append(" (")
        .append(plan.targetFlavor())
        .append("): strategy ")
        .append(plan.strategy())
        .append("\n\n");
    TextTable table = new TextTable("ACTION", "SUBJECT", "VERSION", "ID", "DETAILS");
    int hidden = 0;
    for (ImportStep s : plan.steps()) {
      if (s.action() == ImportStep.Action.EXISTS_SAME && !verbose) {
        hidden++;
        continue;
      }
      table.row(
          s.action(),
          s.subject(),
          s.version(),
          s.id(),
          (s.deleted() ? "soft-deleted" : "")
              + (s.reason() == null ? "" : (s.deleted() ? "; " : "") + s.reason()));
    }
    if (!table.isEmpty()) {
      sb.append(table.render());
    }
    if (hidden > 0) {
      sb.append("(").append(hidden).append(" versions already there; --verbose lists them)\n");
    }
    for (SettingChange c : plan.settings()) {
      sb.append("  set ")
          .append(c.setting().name().toLowerCase(java.util.Locale.ROOT))
          .append(' ')
          .append(c.isGlobal() ? "(global)" : c.subject())
          .append(": ")
          .append(c.from() == null ? "(none)" : c.from())
          .append(" -> ")
          .append(c.to() == null ? "(inherit)" : c.to())
          .append('\n');
    }
    for (String b : plan.blockers()) {
      sb.append("  problem     ").append(b).append('\n');
    }
    for (String n : plan.notes()) {
      sb.append("  note        ").append(n).append('\n');
    }
    sb.append('\n')
        .append("Schemas: ")
        .append(plan.steps(ImportStep.Action.REGISTER).size())
        .append(" to register, ")
        .append(plan.steps(ImportStep.Action.EXISTS_SAME).size())
        .append(" already there, ")
        .append(plan.steps(ImportStep.Action.SOFT_DELETE).size())
        .append(" to soft-delete, ")
        .append(plan.steps(ImportStep.Action.CONFLICT).size())
        .append(" in conflict, ")
        .append(plan.settings().size())
        .append(" setting changes\n");
    return sb.toString();
  }

  public static String outcome(ImportResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append("Registry import: ").append(result.status());
    if (!result.idChanges().isEmpty()) {
      sb.append("\n  WARNING: ")
          .append(result.idChanges().size())
          .append(" schema ids changed; consumers of records written with the old ids will fail:");
      result
          .idChanges()
          .forEach(
              c -> sb.append("\n    id ").append(c.sourceId()).append(" -> ").append(c.targetId()));
    }
    for (String p : result.problems()) {
      sb.append("\n  problem     ").append(p);
    }
    return sb.append('\n').toString();
  }
}

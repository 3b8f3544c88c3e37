package io.kraftport.cli;

import io.kraftport.kafka.TopicImporter;
import io.kraftport.migrate.ImportOutcome;
import io.kraftport.migrate.ImportRequest;
import io.kraftport.migrate.ImportService;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.report.JsonReports;
import io.kraftport.report.RegistryTexts;
import io.kraftport.report.TextReports;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport import}: recreates a snapshot's topics on the target. Plans first and prints the
 * plan; never deletes, and never changes an existing topic unless {@code --alter-existing}; safe to
 * re-run.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Recreate a snapshot's topics and schemas on the target; plans first, safe to re-run.",
    description = {
      "Recreate a snapshot's topics on the target cluster.",
      "Prints a plan first (CREATE, EXISTS_SAME, CONFLICT, ALTER, REFUSED, SKIPPED). Topic configs Kafka 4 removed are"
          + " translated, inherited values the target's defaults would change are pinned, and nothing that exists"
          + " is touched unless --alter-existing. Re-running on an imported target writes nothing.",
      "The target validates every create and alter first: if it refuses one, nothing is written (topics or"
          + " schemas) unless --allow-partial.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport import --config migration.properties --snapshot snapshot.json --dry-run",
      "  kraftport import --config migration.properties --snapshot snapshot.json --replication-factor 3",
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Mixin RegistryOptions registry;

  @Option(
      names = "--allow-id-change",
      description =
          "Where the target registry cannot keep schema ids, register anyway and report the old -> new"
              + " ids (consumers of old records will break).")
  boolean allowIdChange;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      required = true,
      description = "The snapshot to import.")
  Path snapshotFile;

  @Option(
      names = "--dry-run",
      description =
          "Print the plan and have the target validate every create, then stop: writes nothing.")
  boolean dryRun;

  @Option(
      names = "--allow-partial",
      description =
          "Import what the target accepts even when it refuses some topics (reported, exit 1); without"
              + " it, one refusal writes nothing.")
  boolean allowPartial;

  @Option(
      names = "--no-pin-defaults",
      negatable = false,
      description =
          "Do not set inherited source values as explicit overrides where the target's defaults differ.")
  boolean noPinDefaults;

  @Option(
      names = "--alter-existing",
      description =
          "Change existing topics that differ: raise partitions, set configs (never lowers partitions).")
  boolean alterExisting;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description =
          "Cap replication factors at N (for a target with fewer brokers); reported as deliberate.")
  Integer replicationFactor;

  @Option(
      names = "--report-json",
      paramLabel = "FILE",
      description = "Write the plan and its outcome as JSON.")
  Path reportJson;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    if (replicationFactor != null && replicationFactor < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--replication-factor must be at least 1, was " + replicationFactor);
    }
    Snapshot snapshot = SnapshotCodec.read(snapshotFile);
    ImportRequest request =
        new ImportRequest(
            snapshot,
            connection.load(),
            topics.filter(),
            registry.access(),
            new TopicImporter.Options(!noPinDefaults, alterExisting, replicationFactor),
            allowIdChange,
            dryRun,
            allowPartial,
            console.isQuiet(),
            connection.timeout());
    // The plan that names a target hazard is not printed with --quiet; the warning still is
    // (warnHazards).
    ImportOutcome outcome =
        ImportService.run(
            request,
            console.progress(),
            applied -> console.print(TextReports.topicPlan(applied, console.verbose())));
    if (outcome.stop() != ImportOutcome.Stop.NONE) {
      console.print(TextReports.topicPlan(outcome.topics(), console.verbose()));
      if (outcome.registryPlan() != null) {
        console.print("\n" + RegistryTexts.plan(outcome.registryPlan(), console.verbose()));
      }
      writeReport(outcome);
      console.essential(stopped(outcome));
      return outcome.succeeded() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
    ImportResult registryResult = outcome.registryResult();
    if (registryResult != null) {
      console.print("\n" + RegistryTexts.plan(registryResult.plan(), console.verbose()));
      console.print(RegistryTexts.outcome(registryResult));
    }
    writeReport(outcome);
    console.essential(imported(outcome));
    return outcome.succeeded() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /** The last line of an import that wrote nothing: why, and what to do next. */
  private static String stopped(ImportOutcome outcome) {
    TopicPlan validated = outcome.topics();
    String next =
        !outcome.succeeded()
            ? "Fix the conflicts and refusals above before importing."
            : validated.count(TopicStep.Action.CREATE) + " topics would be created.";
    return switch (outcome.stop()) {
      case DRY_RUN -> "Dry run: nothing was written. " + next;
      case REFUSED ->
          "Refused: nothing was written, because the target refuses "
              + validated.count(TopicStep.Action.REFUSED)
              + " topics (see above); fix them, or pass"
              + " --allow-partial to import the rest.";
      case CONFLICTS, NONE -> "Conflicts: nothing was written. " + next;
    };
  }

  /** The JSON report of an import: the topic plan with its outcome, and the registry's. */
  record ImportReport(TopicPlan topics, ImportPlan registryPlan, ImportResult registryResult) {}

  private void writeReport(ImportOutcome outcome) {
    if (reportJson != null) {
      JsonReports.write(
          reportJson,
          new ImportReport(outcome.topics(), outcome.registryPlan(), outcome.registryResult()));
    }
  }

  /** The closing line of an import that ran: what it created, altered, found and left out. */
  private static String imported(ImportOutcome outcome) {
    TopicPlan topicsDone = outcome.topics();
    ImportResult registryResult = outcome.registryResult();
    return "Imported: "
        + topicsDone.count(TopicStep.Action.CREATE)
        + " created, "
        + topicsDone.count(TopicStep.Action.ALTER)
        + " altered, "
        + topicsDone.count(TopicStep.Action.EXISTS_SAME)
        + " already there, "
        + (topicsDone.count(TopicStep.Action.CONFLICT) + topicsDone.count(TopicStep.Action.REFUSED))
        + " not imported"
        + (registryResult == null ? "" : "; schemas " + registryResult.status())
        + " ("
        + outcome.millis()
        + " ms)";
  }
}

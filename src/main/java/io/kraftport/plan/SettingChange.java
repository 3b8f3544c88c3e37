package io.kraftport.plan;

import java.util.Objects;

/**
 * A compatibility level or mode an import sets on the target: globally ({@code subject} null) or on
 * one subject, from the target's current value to the source's ({@code to} null removes the
 * subject's own value so it inherits).
 */
public record SettingChange(Setting setting, String subject, String from, String to) {
  public SettingChange {
    Objects.requireNonNull(setting, "setting");
  }

  /** The settings an import copies. */
  public enum Setting {
    COMPATIBILITY,
    MODE
  }

  public boolean isGlobal() {
    return subject == null;
  }
}

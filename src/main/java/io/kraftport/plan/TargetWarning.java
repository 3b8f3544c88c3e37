package io.kraftport.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A setting of the target cluster that can undo a migration without any error: which setting, its
 * value (or {@code unknown} when it could not be read), the brokers that have it and where the
 * value comes from, what can go wrong, and the fix.
 */
@JsonPropertyOrder({"setting", "value", "source", "brokers", "risk", "fix"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TargetWarning(
    String setting, String value, String source, List<String> brokers, String risk, String fix) {
  public static final String AUTO_CREATE_TOPICS = "auto.create.topics.enable";

  public TargetWarning {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(fix, "fix");
    brokers = brokers == null ? List.of() : List.copyOf(brokers);
  }

  /** The warning in one line: setting, value, where, risk and fix. */
  public String describe() {
    return setting
        + "="
        + value
        + (brokers.isEmpty() ? "" : " on broker(s) " + String.join(", ", brokers))
        + (source == null ? "" : " (" + source + ")")
        + ": "
        + risk
        + "; fix: "
        + fix;
  }
}

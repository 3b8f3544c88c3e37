package io.kraftport.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of the pre-cutover gate (or of a diff): its name, whether it passed, a
 * one-line summary, and the detail lines behind it (which group and partition still lags, which
 * topic is under-replicated). A check that could not run is a failure with its reason, never a
 * pass.
 */
@JsonPropertyOrder({"name", "passed", "summary", "details"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckResult(
    String name,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean passed,
    String summary,
    List<String> details) {
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    details = details == null ? List.of() : List.copyOf(details);
  }

  public static CheckResult pass(String name, String summary, List<String> details) {
    return new CheckResult(name, true, summary, details);
  }

  public static CheckResult fail(String name, String summary, List<String> details) {
    return new CheckResult(name, false, summary, details);
  }
}

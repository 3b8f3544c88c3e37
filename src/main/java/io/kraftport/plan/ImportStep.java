package io.kraftport.plan;

import java.util.Objects;

/**
 * What an import does with one subject version of the source: registers it, finds it already there,
 * soft-deletes it (it is there but live, and soft-deleted in the source), or cannot proceed ({@code
 * CONFLICT}, with the reason). {@code id} is the source's schema id; {@code deleted} whether the
 * version is soft-deleted in the source.
 */
public record ImportStep(
    Action action, String subject, int version, int id, boolean deleted, String reason) {
  public ImportStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
  }

  /** The closed set of things an import does with a subject version. */
  public enum Action {
    REGISTER,
    EXISTS_SAME,
    SOFT_DELETE,
    CONFLICT
  }

  /** The resource name used in reports, such as {@code orders-value/3}. */
  public String resource() {
    return subject + "/" + version;
  }
}

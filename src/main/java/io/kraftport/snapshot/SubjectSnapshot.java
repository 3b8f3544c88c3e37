package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One subject: whether it is soft-deleted, its own compatibility and mode (null where it inherits
 * the global ones), and its versions in ascending order, soft-deleted ones included.
 */
@JsonPropertyOrder({"name", "deleted", "compatibility", "mode", "versions"})
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record SubjectSnapshot(
    String name,
    boolean deleted,
    String compatibility,
    String mode,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<SchemaVersion> versions) {

  public SubjectSnapshot {
    Objects.requireNonNull(name, "name");
    versions =
        versions == null
            ? List.of()
            : versions.stream().sorted(Comparator.comparingInt(SchemaVersion::version)).toList();
  }
}

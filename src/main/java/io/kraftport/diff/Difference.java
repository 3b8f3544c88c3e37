package io.kraftport.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * One difference between two sides of a migration: what kind it is, the resource it concerns (a
 * topic, a subject, a subject version such as {@code orders-value/3}), the field, the expected
 * (source) and actual (target) values, and whether it is drift or expected. Only {@link
 * Status#DRIFT} fails a diff.
 */
@JsonPropertyOrder({"status", "kind", "resource", "field", "expected", "actual", "note"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Difference(
    Status status,
    Kind kind,
    String resource,
    String field,
    String expected,
    String actual,
    String note) {

  /** Sorts differences for stable output: counts first, then by resource, kind and field. */
  public static final Comparator<Difference> ORDER =
      Comparator.comparing(
              (Difference d) -> d.kind() != Kind.TOPIC_COUNT && d.kind() != Kind.SUBJECT_COUNT)
          .thenComparing(Difference::resource)
          .thenComparing(Difference::kind)
          .thenComparing(d -> d.field() == null ? "" : d.field());

  public Difference {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resource, "resource");
  }

  public static Difference drift(
      Kind kind, String resource, String field, Object expected, Object actual) {
    return new Difference(Status.DRIFT, kind, resource, field, str(expected), str(actual), null);
  }

  public Difference withStatus(Status newStatus, String newNote) {
    return new Difference(newStatus, kind, resource, field, expected, actual, newNote);
  }

  @JsonIgnore
  public boolean isDrift() {
    return status == Status.DRIFT;
  }

  /**
   * The difference on one line, values cut to 60 characters: how a gate's parity check lists its
   * drift.
   */
  @JsonIgnore
  public String oneLine() {
    return kind
        + " "
        + resource
        + (field == null ? "" : " " + field)
        + ": expected "
        + abbreviate(expected)
        + ", actual "
        + abbreviate(actual)
        + (note == null ? "" : " (" + note + ")");
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "-";
    }
    String one = s.replace('\n', ' ');
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  /** Whether a difference fails parity. */
  public enum Status {
    /** Unexplained: fails parity. */
    DRIFT,
    /** What the importer's Kafka 4 translation does on purpose. */
    TRANSLATED,
    /** Listed in an allow-list, or asked for (such as a capped replication factor). */
    ACCEPTED
  }

  /** The closed set of difference kinds. */
  public enum Kind {
    TOPIC_COUNT,
    TOPIC_MISSING,
    TOPIC_EXTRA,
    PARTITIONS,
    REPLICATION_FACTOR,
    CONFIG,
    SUBJECT_COUNT,
    SUBJECT_MISSING,
    SUBJECT_EXTRA,
    SUBJECT_DELETED,
    VERSIONS,
    VERSION_DELETED,
    SCHEMA_ID,
    SCHEMA_TYPE,
    SCHEMA_TEXT,
    REFERENCES,
    COMPATIBILITY,
    MODE,
    ROUND_TRIP,
    PRODUCER_LOOKUP,
    COMPATIBILITY_CHECK
  }
}

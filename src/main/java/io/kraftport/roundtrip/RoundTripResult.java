package io.kraftport.roundtrip;

import io.kraftport.schema.SchemaType;
import java.util.Objects;

/**
 * The outcome of a serialization round-trip for one schema id: {@link Status#OK}; {@link
 * Status#MISMATCH} with the first field whose value came back different (a path such as {@code
 * total.cents} or {@code lines[0].sku}) and the expected and actual values; or {@link
 * Status#UNREADABLE} with the reason the record could not be decoded at all.
 */
public record RoundTripResult(
    int schemaId,
    SchemaType type,
    Status status,
    String field,
    String expected,
    String actual,
    String reason) {

  public RoundTripResult {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
  }

  public static RoundTripResult ok(int schemaId, SchemaType type) {
    return new RoundTripResult(schemaId, type, Status.OK, null, null, null, null);
  }

  public static RoundTripResult mismatch(
      int schemaId, SchemaType type, String field, String expected, String actual) {
    return new RoundTripResult(schemaId, type, Status.MISMATCH, field, expected, actual, null);
  }

  public static RoundTripResult unreadable(int schemaId, SchemaType type, String reason) {
    return new RoundTripResult(schemaId, type, Status.UNREADABLE, null, null, null, reason);
  }

  /** Whether the record came back equal. */
  public boolean passed() {
    return status == Status.OK;
  }

  /**
   * One line saying what happened, for messages and logs; renderers may lay the fields out
   * themselves.
   */
  public String summary() {
    return switch (status) {
      case OK -> type + " schema " + schemaId + ": round-trip ok";
      case MISMATCH ->
          type
              + " schema "
              + schemaId
              + ": "
              + field
              + " expected "
              + expected
              + ", actual "
              + actual;
      case UNREADABLE -> type + " schema " + schemaId + ": unreadable: " + reason;
    };
  }

  /** How a round-trip ended. */
  public enum Status {
    OK,
    MISMATCH,
    UNREADABLE
  }
}

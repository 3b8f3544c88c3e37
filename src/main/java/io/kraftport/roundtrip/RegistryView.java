package io.kraftport.roundtrip;

import io.kraftport.schema.ResolvedSchema;
import io.kraftport.snapshot.SchemaVersion;
import java.util.List;
import java.util.Optional;

/**
 * A schema registry as the round-trip checks see it: the schemas it holds by id, references
 * resolved, and, where the registry is live, what it answers a producer (a lookup of its schema, a
 * compatibility check). A live registry ({@link LiveRegistryView}) and a registry snapshot ({@link
 * SnapshotRegistryView}) are the two kinds; a snapshot answers no producer requests.
 */
public interface RegistryView {
  /**
   * The schema registered under this id in this context ({@link io.kraftport.registry.Contexts}:
   * each context is an id space of its own on Confluent), with its references resolved; empty where
   * the registry has no such id there.
   *
   * @throws io.kraftport.InvalidInputException if the schema's references cannot be found in the
   *     registry
   */
  Optional<ResolvedSchema> findSchema(String context, int id);

  /**
   * Whether {@link #lookup} and {@link #checkCompatibility} can be asked: only of a live registry.
   */
  boolean answersProducers();

  /**
   * {@code POST /subjects/{subject}} with the schema (text, type and references of {@code schema}):
   * the id a producer using that schema would be given without registering it.
   *
   * @throws UnsupportedOperationException where {@link #answersProducers()} is false
   */
  Lookup lookup(String subject, SchemaVersion schema);

  /**
   * {@code POST /compatibility/subjects/{subject}/versions/latest} with the schema.
   *
   * @throws UnsupportedOperationException where {@link #answersProducers()} is false
   */
  Compatibility checkCompatibility(String subject, SchemaVersion schema);

  /**
   * The answer to a lookup: the id the subject has the schema under; or no id, and either nothing
   * more (the subject does not have the schema) or the error the registry refused the request with.
   */
  record Lookup(Integer id, String refusal) {
    public static Lookup found(int id) {
      return new Lookup(id, null);
    }

    public static Lookup notFound() {
      return new Lookup(null, null);
    }

    public static Lookup refused(String message) {
      return new Lookup(null, message);
    }
  }

  /**
   * The answer to a compatibility check: compatible or not, with the registry's reasons; or, when
   * {@code errorCode} is not 0, the registry refused to run the check (its {@code error_code}, the
   * reason in {@code messages}).
   */
  record Compatibility(boolean compatible, int errorCode, List<String> messages) {
    public Compatibility {
      messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static Compatibility refused(int errorCode, String message) {
      return new Compatibility(false, errorCode, List.of(message));
    }

    public boolean isRefused() {
      return errorCode != 0;
    }

    /**
     * Whether another answer says the same: the same verdict, or a refusal with the same error
     * code.
     */
    public boolean sameAs(Compatibility other) {
      return compatible == other.compatible && errorCode == other.errorCode;
    }

    /** The verdict in a word or two, for a report. */
    public String verdict() {
      return isRefused()
          ? "refused (error " + errorCode + ")"
          : compatible ? "compatible" : "incompatible";
    }
  }
}

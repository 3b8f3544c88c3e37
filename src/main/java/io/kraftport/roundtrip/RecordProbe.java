package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.registry.Contexts;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaCanon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live record probe: reads the tail of each topic's partitions from a {@link RecordSource} and
 * checks the keys and values in the Confluent wire format (magic byte 0, a schema id above 0)
 * against the target registry. Every id in use must resolve on the target to a schema equal in
 * canonical form to the source's, and every such record must decode with the target's schema
 * ({@link RoundTrip#decode}, strict). Keys and values in no wire format are counted, not failed. A
 * record carries only the id; the registry context it is looked up in on both sides comes from the
 * source snapshot's subjects ({@link IdContexts}). Each schema id is resolved once per context
 * across topics. Returns data, prints nothing; not for concurrent use.
 */
public final class RecordProbe {
  private static final int MAX_TEXT = 200;

  private final RoundTrip roundTrip;
  private final SchemaCanon canon;
  private final RegistryView source;
  private final RegistryView target;
  private final IdContexts contexts;
  private final Map<IdKey, IdCheck> ids = new HashMap<>();

  /** A schema id in its context. */
  private record IdKey(String context, int id) {
    String describe() {
      return "schema id " + id + (Contexts.isDefault(context) ? "" : " (context " + context + ")");
    }
  }

  /** A probe that looks every id up in the default context: for registries without contexts. */
  public RecordProbe(
      RoundTrip roundTrip, SchemaCanon canon, RegistryView source, RegistryView target) {
    this(roundTrip, canon, source, target, IdContexts.DEFAULT_ONLY);
  }

  public RecordProbe(
      RoundTrip roundTrip,
      SchemaCanon canon,
      RegistryView source,
      RegistryView target,
      IdContexts contexts) {
    this.roundTrip = Objects.requireNonNull(roundTrip, "roundTrip");
    this.canon = Objects.requireNonNull(canon, "canon");
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.contexts = Objects.requireNonNull(contexts, "contexts");
  }

  /**
   * How one schema id fares: the schemas each side holds for it (null where a side has none) and,
   * where the target's is missing or differs from the source's, what to report.
   */
  private record IdCheck(
      ResolvedSchema source, ResolvedSchema target, String expected, String actual, String problem)
      implements SchemaLookup {
    boolean ok() {
      return problem == null;
    }

    /** The target's schema: a record is decoded only once its id was found there. */
    @Override
    public ResolvedSchema schema(int id) {
      return target;
    }
  }

  /**
   * Records of one topic that failed to decode: by key or value and schema id, with the first one's
   * details.
   */
  private static final class Failures {
    IdKey key;
    long count;
    int partition;
    long offset;
    String reason;
    byte[] first;
  }

  private final class Tally implements RecordSource.Sink {
    final String topic;
    long records;
    long notWireFormat;
    long failed;
    final Map<IdKey, long[]> idRecords = new HashMap<>();
    final Map<String, Failures> failures = new TreeMap<>();

    Tally(String topic) {
      this.topic = topic;
    }

    @Override
    public void accept(int partition, long offset, byte[] key, byte[] value) {
      records++;
      int keyId = schemaId(key);
      int valueId = schemaId(value);
      if (keyId == 0 && valueId == 0) {
        notWireFormat++;
        return;
      }
      boolean ok = keyId == 0 || read("key", keyId, key, partition, offset);
      ok &= valueId == 0 || read("value", valueId, value, partition, offset);
      if (!ok) {
        failed++;
      }
    }

    private boolean read(String part, int id, byte[] record, int partition, long offset) {
      IdKey idKey = new IdKey(contexts.contextFor(topic, part.equals("key"), id), id);
      idRecords.computeIfAbsent(idKey, k -> new long[1])[0]++;
      IdCheck check = check(idKey);
      if (check.target() == null) {
        return false;
      }
      try {
        roundTrip.decode(record, check);
        return check.ok();
      } catch (InvalidInputException e) {
        Failures f = failures.computeIfAbsent(part + ", " + idKey.describe(), k -> new Failures());
        if (f.count++ == 0) {
          f.key = idKey;
          f.partition = partition;
          f.offset = offset;
          f.reason = e.getMessage();
          f.first = record;
        }
        return false;
      }
    }
  }

  /** Probes the last {@code lastN} records of every partition of each topic, in the order given. */
  public ProbeReport probe(RecordSource records, List<String> topics, int lastN) {
    List<ProbeReport.TopicProbe> tallies = new ArrayList<>();
    List<Difference> differences = new ArrayList<>();
    for (String topic : topics) {
      Tally tally = new Tally(topic);
      records.readLast(topic, lastN, tally);
      tallies.add(
          new ProbeReport.TopicProbe(
              topic,
              tally.records,
              tally.notWireFormat,
              tally.idRecords.keySet().stream().map(IdKey::id).toList(),
              tally.failed));
      differences.addAll(differences(tally));
    }
    differences.sort(Difference.ORDER);
    return new ProbeReport(tallies, differences);
  }

  private List<Difference> differences(Tally tally) {
    List<Difference> out = new ArrayList<>();
    Map<IdKey, long[]> sorted =
        new TreeMap<>(Comparator.comparingInt(IdKey::id).thenComparing(IdKey::context));
    sorted.putAll(tally.idRecords);
    sorted.forEach(
        (key, count) -> {
          IdCheck check = ids.get(key);
          if (!check.ok()) {
            out.add(
                new Difference(
                    Status.DRIFT,
                    Kind.ROUND_TRIP,
                    tally.topic,
                    key.describe(),
                    check.expected(),
                    check.actual(),
                    cut(
                        count[0]
                            + " of "
                            + tally.records
                            + " records read carry it: "
                            + check.problem())));
          }
        });
    tally.failures.forEach(
        (field, f) -> {
          out.add(
              new Difference(
                  Status.DRIFT,
                  Kind.ROUND_TRIP,
                  tally.topic,
                  field,
                  "readable with the target's schema",
                  cut(f.reason),
                  f.count
                      + " of "
                      + tally.records
                      + " records fail, the first at partition "
                      + f.partition
                      + " offset "
                      + f.offset
                      + (readsWithSource(f.key, f.first)
                          ? "; it reads with the source's schema"
                          : "; the source's schema cannot read it either")));
        });
    return out;
  }

  private boolean readsWithSource(IdKey key, byte[] record) {
    ResolvedSchema schema = ids.get(key).source();
    if (schema == null) {
      return false;
    }
    try {
      roundTrip.decode(record, i -> schema);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private IdCheck check(IdKey key) {
    IdCheck known = ids.get(key);
    if (known == null) {
      known = resolve(key);
      ids.put(key, known);
    }
    return known;
  }

  private IdCheck resolve(IdKey key) {
    int id = key.id();
    ResolvedSchema sourceSchema;
    try {
      sourceSchema = source.findSchema(key.context(), id).orElse(null);
    } catch (InvalidInputException e) {
      sourceSchema = null;
    }
    Optional<ResolvedSchema> found;
    try {
      found = target.findSchema(key.context(), id);
    } catch (InvalidInputException e) {
      return new IdCheck(sourceSchema, null, "resolvable", "unresolvable", e.getMessage());
    }
    if (found.isEmpty()) {
      return new IdCheck(
          sourceSchema,
          null,
          "present",
          "not found",
          "the target registry has no "
              + key.describe()
              + (sourceSchema == null ? " (nor has the source)" : ""));
    }
    ResolvedSchema targetSchema = found.get();
    if (sourceSchema == null) {
      // Nothing to compare with (an id the source snapshot leaves out); the records must still
      // read.
      return new IdCheck(null, targetSchema, null, null, null);
    }
    String expected = canonical(sourceSchema);
    String actual;
    try {
      actual = canon.canonical(targetSchema);
    } catch (InvalidInputException e) {
      return new IdCheck(
          sourceSchema,
          targetSchema,
          cut(expected),
          cut(targetSchema.schema()),
          "the target's schema does not parse: " + e.getMessage());
    }
    return expected.equals(actual)
        ? new IdCheck(sourceSchema, targetSchema, null, null, null)
        : new IdCheck(
            sourceSchema,
            targetSchema,
            cut(expected),
            cut(actual),
            "the target's schema under this id differs from the source's");
  }

  /**
   * The canonical form; the raw text where the source's schema does not parse (then only an equal
   * text passes).
   */
  private String canonical(ResolvedSchema schema) {
    try {
      return canon.canonical(schema);
    } catch (InvalidInputException e) {
      return schema.schema();
    }
  }

  /**
   * The schema id of a key or value in the wire format, or 0 where it is not (null, short, another
   * first byte).
   */
  static int schemaId(byte[] bytes) {
    if (bytes == null
        || bytes.length < WireFormat.HEADER_SIZE
        || bytes[0] != WireFormat.MAGIC_BYTE) {
      return 0;
    }
    int id =
        (bytes[1] & 0xff) << 24
            | (bytes[2] & 0xff) << 16
            | (bytes[3] & 0xff) << 8
            | bytes[4] & 0xff;
    return Math.max(id, 0);
  }

  private static String cut(String s) {
    if (s == null) {
      return null;
    }
    String one = s.replace('\n', ' ');
    return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 3) + "...";
  }
}

package io.kraftport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.networknt.schema.JsonSchema;
import io.kraftport.local.RegistrySeeder;
import io.kraftport.roundtrip.ProbeReport;
import io.kraftport.roundtrip.RecordProbe;
import io.kraftport.roundtrip.RecordSource;
import io.kraftport.roundtrip.RoundTrip;
import io.kraftport.roundtrip.RoundTripChecker;
import io.kraftport.roundtrip.RoundTripReport;
import io.kraftport.roundtrip.SampleGenerator;
import io.kraftport.roundtrip.SnapshotRegistryView;
import io.kraftport.schema.AvroSchemas;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.schema.JsonSchemas;
import io.kraftport.schema.ProtobufSchemas;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaType;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The round-trip benchmark (run with {@code mvn verify -Pbenchmark -Dit.test=RoundTripBenchmark}):
 * round-trips N schema versions (default 1,000: Avro, Protobuf and JSON Schema, four versions per
 * subject) against a target snapshot, and probes M records (default 100,000, the demo schemas'
 * records in the wire format) from memory; each beside a raw loop that only decodes the same
 * records with parsed schemas, in the same run, as the limit. Prints records/s and the ratios
 * (goal: the probe within 1.5x of raw); asserts only that the work was done. Sizes: {@code
 * -Dbenchmark.versions=N -Dbenchmark.records=M}. In process, so no network time hides the checks'
 * own cost.
 */
@Tag("benchmark")
class RoundTripBenchmark {
  private static final int VERSIONS = Integer.getInteger("benchmark.versions", 1000);
  private static final int RECORDS = Integer.getInteger("benchmark.records", 100_000);
  private static final int RUNS = 10;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void roundTripsAndProbe() {
    RegistrySnapshot versions = generatedVersions(VERSIONS);
    SnapshotRegistryView view = new SnapshotRegistryView(versions);
    List<byte[]> samples = new ArrayList<>();
    List<ResolvedSchema> sampleSchemas = new ArrayList<>();
    SampleGenerator generator = new SampleGenerator();
    RoundTrip codec = new RoundTrip();
    for (SubjectSnapshot s : versions.subjects()) {
      for (SchemaVersion v : s.versions()) {
        ResolvedSchema schema = view.resolve(v);
        samples.add(codec.serialize(generator.generate(schema), schema, v.id()));
        sampleSchemas.add(schema);
      }
    }
    Runnable check =
        () -> {
          RoundTripReport r =
              new RoundTripChecker(new RoundTrip(), view, Optional.empty(), 1)
                  .check(versions, true);
          assertThat(r.roundTrips()).isEqualTo(VERSIONS);
          assertThat(r.differences()).isEmpty();
        };
    Runnable rawVersions =
        () -> {
          for (int i = 0; i < samples.size(); i++) {
            Decoder.of(sampleSchemas.get(i)).decode(samples.get(i));
          }
        };
    long[] versionsMs = interleaved(check, rawVersions);
    int cores = Runtime.getRuntime().availableProcessors();
    long parallelMs =
        interleaved(
            () ->
                new RoundTripChecker(new RoundTrip(), view, Optional.empty(), cores)
                    .check(versions, true))[0];

    Probe probe = probeRecords(RECORDS);
    Runnable probing =
        () -> {
          ProbeReport r =
              new RecordProbe(new RoundTrip(), new DefaultSchemaCanon(), probe.view(), probe.view())
                  .probe(probe, List.of("bench"), Integer.MAX_VALUE);
          assertThat(r.records()).isEqualTo(RECORDS);
          assertThat(r.failed()).isZero();
        };
    Map<Integer, Decoder> decoders = new HashMap<>();
    probe.schemas().forEach((id, schema) -> decoders.put(id, Decoder.of(schema)));
    Runnable rawProbe =
        () -> {
          for (byte[][] r : probe.records()) {
            decoders.get(id(r[0])).decode(r[0]);
            if (r[1] != null) {
              decoders.get(id(r[1])).decode(r[1]);
            }
          }
        };
    long[] probeMs = interleaved(probing, rawProbe);
    long checkMs = versionsMs[0];
    long rawVersionsMs = versionsMs[1];
    long rawProbeMs = probeMs[1];

    System.out.printf(
        "%n=== kraftport round-trip benchmark (best of %d, %d cores) ===%n", RUNS, cores);
    System.out.printf(
        "round-trip %d schema versions, 1 thread          %8d ms  %10.0f versions/s%n",
        VERSIONS, checkMs, rate(VERSIONS, checkMs));
    System.out.printf(
        "round-trip %d schema versions, %d threads         %8d ms  %10.0f versions/s%n",
        VERSIONS, cores, parallelMs, rate(VERSIONS, parallelMs));
    System.out.printf(
        "raw: parse each schema and decode its record     %8d ms  %10.0f versions/s%n",
        rawVersionsMs, rate(VERSIONS, rawVersionsMs));
    System.out.printf(
        "ratio round-trip (1 thread) / raw                %8.2f%n",
        (double) checkMs / rawVersionsMs);
    System.out.printf(
        "probe %d records (%s)  %8d ms  %10.0f records/s%n",
        RECORDS, probe.mix(), probeMs[0], rate(RECORDS, probeMs[0]));
    System.out.printf(
        "raw: decode the same records, schemas parsed     %8d ms  %10.0f records/s%n",
        rawProbeMs, rate(RECORDS, rawProbeMs));
    System.out.printf(
        "ratio probe / raw (goal <= 1.5)                  %8.2f%n",
        (double) probeMs[0] / rawProbeMs);
  }

  /**
   * Subjects of four versions each, every version adding a field; Avro mostly, every 5th Protobuf,
   * 7th JSON.
   */
  private static RegistrySnapshot generatedVersions(int count) {
    List<SubjectSnapshot> subjects = new ArrayList<>();
    int id = 1;
    for (int s = 0; id <= count; s++) {
      List<SchemaVersion> versions = new ArrayList<>();
      for (int v = 1; v <= 4 && id <= count; v++, id++) {
        String type = s % 5 == 4 ? "PROTOBUF" : s % 7 == 6 ? "JSON" : "AVRO";
        versions.add(
            new SchemaVersion(v, id, type, false, List.of(), null, null, schema(type, s, v)));
      }
      subjects.add(
          new SubjectSnapshot(String.format("bench-%04d-value", s), false, null, null, versions));
    }
    return new RegistrySnapshot(
        null, "confluent", "NONE", "READWRITE", true, List.of(), subjects, List.of());
  }

  private static String schema(String type, int s, int v) {
    String[] avro = {
      "\"string\"",
      "\"int\"",
      "\"long\"",
      "\"double\"",
      "\"boolean\"",
      "{\"type\":\"array\",\"items\":\"string\"}",
      "{\"type\":\"map\",\"values\":\"long\"}",
      "[\"null\",\"string\"]",
      "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}",
      "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}"
    };
    String[] proto = {
      "string", "int32", "int64", "double", "bool", "repeated string", "map<string, int64>"
    };
    String[] json = {
      "{\"type\":\"string\"}",
      "{\"type\":\"integer\"}",
      "{\"type\":\"number\"}",
      "{\"type\":\"boolean\"}",
      "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"
    };
    int fields = 4 + s % 6 + v;
    StringBuilder sb = new StringBuilder();
    for (int f = 0; f < fields; f++) {
      switch (type) {
        case "AVRO" ->
            sb.append(f == 0 ? "" : ",")
                .append("{\"name\":\"f")
                .append(f)
                .append("\",\"type\":")
                .append(avro[(s + f) % avro.length])
                .append(avro[(s + f) % avro.length].startsWith("[") ? ",\"default\":null}" : "}");
        case "PROTOBUF" ->
            sb.append("  ")
                .append(proto[(s + f) % proto.length])
                .append(" f")
                .append(f)
                .append(" = ")
                .append(f + 1)
                .append(";\n");
        default ->
            sb.append(f == 0 ? "" : ",")
                .append("\"f")
                .append(f)
                .append("\":")
                .append(json[(s + f) % json.length]);
      }
    }
    return switch (type) {
      case "AVRO" ->
          "{\"type\":\"record\",\"name\":\"R"
              + s
              + "\",\"namespace\":\"bench\",\"fields\":["
              + sb
              + "]}";
      case "PROTOBUF" ->
          "syntax = \"proto3\";\npackage bench;\nmessage R" + s + " {\n" + sb + "}\n";
      default -> "{\"type\":\"object\",\"properties\":{" + sb + "},\"required\":[\"f0\"]}";
    };
  }

  /**
   * Records in memory: the demo schemas' records in the wire format, 60% Avro (with Avro keys), 20%
   * each other.
   */
  private record Probe(
      SnapshotRegistryView view,
      Map<Integer, ResolvedSchema> schemas,
      List<byte[][]> records,
      String mix)
      implements RecordSource {
    @Override
    public void readLast(String topic, int lastN, Sink sink) {
      for (int i = 0; i < records.size(); i++) {
        byte[][] r = records.get(i);
        sink.accept(0, i, r[1], r[0]);
      }
    }
  }

  private static Probe probeRecords(int count) {
    RegistrySeeder.Sample demo = RegistrySeeder.load("demo-schemas.json");
    List<SubjectSnapshot> subjects = new ArrayList<>();
    Map<String, List<SchemaVersion>> bySubject = new java.util.LinkedHashMap<>();
    int id = 1;
    for (RegistrySeeder.SampleSchema s : demo.schemas()) {
      List<SchemaVersion> versions = bySubject.computeIfAbsent(s.subject(), k -> new ArrayList<>());
      String text = s.schema().isTextual() ? s.schema().asText() : s.schema().toString();
      versions.add(
          new SchemaVersion(
              versions.size() + 1,
              id++,
              s.schemaType(),
              false,
              s.references() == null ? List.of() : s.references(),
              null,
              null,
              text));
    }
    bySubject.forEach(
        (name, versions) -> subjects.add(new SubjectSnapshot(name, false, null, null, versions)));
    RegistrySnapshot snapshot =
        new RegistrySnapshot(
            null, "confluent", "NONE", "READWRITE", true, List.of(), subjects, List.of());
    SnapshotRegistryView view = new SnapshotRegistryView(snapshot);
    Map<String, Integer> latest = new HashMap<>();
    Map<Integer, ResolvedSchema> schemas = new HashMap<>();
    for (SubjectSnapshot s : subjects) {
      SchemaVersion v = s.versions().get(s.versions().size() - 1);
      latest.put(s.name(), v.id());
      schemas.put(v.id(), view.resolve(v));
    }
    RoundTrip codec = new RoundTrip();
    SampleGenerator generator = new SampleGenerator();
    Map<String, byte[]> framed = new HashMap<>();
    for (String subject :
        List.of("orders-key", "orders-value", "payments-value", "customers-value")) {
      ResolvedSchema schema = schemas.get(latest.get(subject));
      framed.put(subject, codec.serialize(generator.generate(schema), schema, latest.get(subject)));
    }
    List<byte[][]> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int slot = i % 5;
      records.add(
          slot < 3
              ? new byte[][] {framed.get("orders-value"), framed.get("orders-key")}
              : slot == 3
                  ? new byte[][] {framed.get("payments-value"), null}
                  : new byte[][] {framed.get("customers-value"), null});
    }
    return new Probe(view, schemas, records, "60% Avro+key, 20% Protobuf, 20% JSON");
  }

  private static int id(byte[] record) {
    return (record[1] & 0xff) << 24
        | (record[2] & 0xff) << 16
        | (record[3] & 0xff) << 8
        | record[4] & 0xff;
  }

  /**
   * The least a consumer does: the schema parsed once, the payload decoded with the type's own
   * library (Avro with the same logical-type conversions, Protobuf as the first message, JSON
   * parsed and validated).
   */
  private interface Decoder {
    void decode(byte[] record);

    static Decoder of(ResolvedSchema schema) {
      return switch (SchemaType.of(schema)) {
        case AVRO -> {
          Schema avro = AvroSchemas.parse(schema);
          GenericDatumReader<Object> reader = new GenericDatumReader<>(avro, avro, DATA);
          BinaryDecoder[] reuse = new BinaryDecoder[1];
          yield record -> {
            reuse[0] = DecoderFactory.get().binaryDecoder(record, 5, record.length - 5, reuse[0]);
            try {
              reader.read(null, reuse[0]);
            } catch (java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          };
        }
        case PROTOBUF -> {
          Descriptor message =
              ProtobufSchemas.message(ProtobufSchemas.descriptor(schema), List.of(0));
          yield record -> {
            try {
              // The message-index path [0] is the single byte 0.
              DynamicMessage.parseFrom(
                  message, com.google.protobuf.ByteString.copyFrom(record, 6, record.length - 6));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
              throw new IllegalStateException(e);
            }
          };
        }
        case JSON -> {
          JsonSchema json = JsonSchemas.schema(schema);
          yield record -> {
            try {
              JsonNode node = MAPPER.readTree(record, 5, record.length - 5);
              if (!json.validate(node).isEmpty()) {
                throw new IllegalStateException("invalid");
              }
            } catch (java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          };
        }
      };
    }
  }

  private static final GenericData DATA = conversions();

  /**
   * The logical-type conversions the round-trip code decodes with, so both loops build the same
   * values.
   */
  private static GenericData conversions() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new Conversions.BigDecimalConversion());
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new Conversions.DurationConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampNanosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampNanosConversion());
    return data;
  }

  private static double rate(int n, long ms) {
    return n * 1000.0 / Math.max(1, ms);
  }

  /**
   * The best time of each piece of work, in milliseconds, over a warm-up and {@link #RUNS} timed
   * rounds that run them in turn, so that both see the same load on a shared machine.
   */
  private static long[] interleaved(Runnable... work) {
    long[] best = new long[work.length];
    java.util.Arrays.fill(best, Long.MAX_VALUE);
    for (Runnable w : work) {
      w.run();
    }
    for (int i = 0; i < RUNS; i++) {
      for (int j = 0; j < work.length; j++) {
        long t0 = System.nanoTime();
        work[j].run();
        best[j] = Math.min(best[j], (System.nanoTime() - t0) / 1_000_000);
      }
    }
    return best;
  }
}

package io.kraftport.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.kraftport.InvalidInputException;
import io.kraftport.roundtrip.JsonCodec.Violation;
import io.kraftport.schema.ProtobufSchemas;
import io.kraftport.schema.Reasons;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serialization round-trips through the Confluent wire format. {@link #check} writes a generated
 * sample with the source schema and id, then reads it back with the schema the target registry
 * returns for that id, as a consumer of the migrated topic would, and compares it with the original
 * field by field. {@link #decode} reads a real record with a schema lookup, and {@link #compare}
 * compares two decoded records, for probes of live topics.
 */
public final class RoundTrip {
  /** Stands for the schema id in messages about a round-trip check's target schema. */
  private static final int TARGET = Integer.MIN_VALUE;

  private final SampleGenerator generator;
  private final ParsedSchemas parsed = new ParsedSchemas();

  public RoundTrip() {
    this(new SampleGenerator());
  }

  public RoundTrip(SampleGenerator generator) {
    this.generator = generator;
  }

  /**
   * Round-trips a sample of {@code source} (registered under {@code sourceId}) through the schema
   * {@code target} that the target registry returns for the same id; for Protobuf, a sample of
   * every message of the file, and the first failure is returned. A target schema that does not
   * parse is a failed round-trip, not an error: it is what a consumer of the target would get. A
   * Protobuf file of enums only frames no record and passes.
   *
   * @throws InvalidInputException if the source schema does not parse or no sample can be generated
   *     for it
   */
  public RoundTripResult check(ResolvedSchema source, int sourceId, ResolvedSchema target) {
    SchemaType type = SchemaType.of(source);
    List<Sample> samples = generator.generateEach(source, parsed);
    if (SchemaType.of(target) != type) {
      return RoundTripResult.mismatch(
          sourceId, type, "schemaType", type.name(), SchemaType.of(target).name());
    }
    for (Sample sample : samples) {
      RoundTripResult result = check(sample, serialize(sample, source, sourceId), target);
      if (!result.passed()) {
        return result;
      }
    }
    return RoundTripResult.ok(sourceId, type);
  }

  private RoundTripResult check(Sample sample, byte[] record, ResolvedSchema target) {
    try {
      return switch (sample.type()) {
        case AVRO -> checkAvro(sample, record, target);
        case PROTOBUF -> checkProtobuf(sample, record, target);
        case JSON -> checkJson(sample, record, target);
      };
    } catch (InvalidInputException e) {
      return RoundTripResult.unreadable(WireFormat.schemaId(record), sample.type(), e.getMessage());
    }
  }

  /**
   * A sample serialized with its schema and framed with the schema id, as Confluent's serializers
   * write it.
   */
  public byte[] serialize(Sample sample, ResolvedSchema schema, int schemaId) {
    return switch (sample.type()) {
      case AVRO -> WireFormat.frame(schemaId, AvroCodec.write(parsed.avro(schema), sample.value()));
      case PROTOBUF ->
          WireFormat.frameProtobuf(
              schemaId, sample.messageIndexes(), ((Message) sample.value()).toByteArray());
      case JSON -> WireFormat.frame(schemaId, JsonCodec.write((JsonNode) sample.value()));
    };
  }

  /**
   * Decodes a framed record with the schema its id names. Decoding is strict: an Avro payload must
   * be used up exactly, and a JSON payload must validate against its schema.
   *
   * @throws InvalidInputException if the record is not in the wire format, or does not decode with
   *     its schema
   */
  public Decoded decode(byte[] record, SchemaLookup lookup) {
    int schemaId = WireFormat.schemaId(record);
    ResolvedSchema schema = lookup.schema(schemaId);
    return switch (SchemaType.of(schema)) {
      case AVRO -> {
        // The header is checked above; the payload is read in place.
        AvroCodec.Read read = readAvro(record, WireFormat.HEADER_SIZE, schema, schemaId);
        if (read.unreadBytes() > 0) {
          throw new InvalidInputException(
              "record has " + read.unreadBytes() + " bytes left after decoding" + with(schemaId));
        }
        yield new Decoded(schemaId, SchemaType.AVRO, List.of(), read.value());
      }
      case PROTOBUF -> {
        WireFormat.ProtobufHeader header = WireFormat.protobufHeader(record);
        yield new Decoded(
            schemaId,
            SchemaType.PROTOBUF,
            header.messageIndexes(),
            readProtobuf(record, header, schema, schemaId));
      }
      case JSON -> {
        JsonNode value = JsonCodec.read(record, WireFormat.HEADER_SIZE);
        List<Violation> violations = JsonCodec.violations(parsed.json(schema), value);
        if (!violations.isEmpty()) {
          throw new InvalidInputException(
              "record does not validate against schema id "
                  + schemaId
                  + ": "
                  + violations.get(0).message());
        }
        yield new Decoded(schemaId, SchemaType.JSON, List.of(), value);
      }
    };
  }

  /**
   * Compares two decoded records (say, one read from each cluster), reporting the first differing
   * field.
   */
  public RoundTripResult compare(Decoded expected, Decoded actual) {
    if (expected.type() != actual.type()) {
      return RoundTripResult.mismatch(
          actual.schemaId(),
          actual.type(),
          "schemaType",
          expected.type().name(),
          actual.type().name());
    }
    return compared(
        actual.schemaId(),
        expected.type(),
        plain(expected.type(), expected.value()),
        plain(actual.type(), actual.value()));
  }

  private RoundTripResult checkAvro(Sample sample, byte[] record, ResolvedSchema target) {
    WireFormat.Framed framed = WireFormat.unframe(record);
    AvroCodec.Read read = readAvro(framed.payload(), 0, target, TARGET);
    RoundTripResult result =
        compared(
            framed.schemaId(),
            SchemaType.AVRO,
            plain(SchemaType.AVRO, sample.value()),
            plain(SchemaType.AVRO, read.value()));
    // Values can all match while the target schema stops early: bytes left over mean a field went
    // missing.
    if (result.passed() && read.unreadBytes() > 0) {
      return RoundTripResult.mismatch(
          framed.schemaId(),
          SchemaType.AVRO,
          "(payload)",
          "all bytes read",
          read.unreadBytes() + " bytes left unread");
    }
    return result;
  }

  private RoundTripResult checkProtobuf(Sample sample, byte[] record, ResolvedSchema target) {
    WireFormat.ProtobufHeader header = WireFormat.protobufHeader(record);
    DynamicMessage read = readProtobuf(record, header, target, TARGET);
    return compared(
        header.schemaId(),
        SchemaType.PROTOBUF,
        plain(SchemaType.PROTOBUF, sample.value()),
        plain(SchemaType.PROTOBUF, read));
  }

  private RoundTripResult checkJson(Sample sample, byte[] record, ResolvedSchema target) {
    WireFormat.Framed framed = WireFormat.unframe(record);
    JsonNode read = JsonCodec.read(framed.payload());
    RoundTripResult result =
        compared(
            framed.schemaId(),
            SchemaType.JSON,
            plain(SchemaType.JSON, sample.value()),
            plain(SchemaType.JSON, read));
    if (!result.passed()) {
      return result;
    }
    // JSON carries its own field names, so a changed target schema shows only as the record failing
    // validation.
    List<Violation> violations = JsonCodec.violations(parsed.json(target), read);
    return violations.isEmpty()
        ? result
        : RoundTripResult.mismatch(
            framed.schemaId(),
            SchemaType.JSON,
            violations.get(0).field(),
            "valid against the target schema",
            violations.get(0).message());
  }

  private AvroCodec.Read readAvro(byte[] bytes, int offset, ResolvedSchema schema, int schemaId) {
    try {
      return AvroCodec.read(parsed.avroReader(schema), bytes, offset, bytes.length - offset);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(
          "Avro payload does not decode" + with(schemaId) + ": " + Reasons.of(e), e);
    }
  }

  private DynamicMessage readProtobuf(
      byte[] record, WireFormat.ProtobufHeader header, ResolvedSchema schema, int schemaId) {
    Descriptor type = ProtobufSchemas.message(parsed.protobuf(schema), header.messageIndexes());
    try {
      return ProtobufCodec.read(
          type, record, header.payloadOffset(), record.length - header.payloadOffset());
    } catch (IOException e) {
      throw new InvalidInputException(
          "Protobuf payload does not decode as "
              + type.getFullName()
              + with(schemaId)
              + ": "
              + Reasons.of(e),
          e);
    }
  }

  /** How a message names the schema read with: its id, or {@link #TARGET} in a round-trip check. */
  private static String with(int schemaId) {
    return schemaId == TARGET ? " with the target schema" : " with schema id " + schemaId;
  }

  private static RoundTripResult compared(
      int schemaId, SchemaType type, Object expected, Object actual) {
    Optional<Values.Mismatch> mismatch = Values.firstDifference(expected, actual);
    return mismatch
        .map(m -> RoundTripResult.mismatch(schemaId, type, m.field(), m.expected(), m.actual()))
        .orElseGet(() -> RoundTripResult.ok(schemaId, type));
  }

  private static Object plain(SchemaType type, Object value) {
    return switch (type) {
      case AVRO -> AvroCodec.plain(value);
      // Under the message's full name, so that a field path says which message of the file it is
      // in.
      case PROTOBUF -> {
        Message message = (Message) value;
        yield Map.of(message.getDescriptorForType().getFullName(), ProtobufCodec.plain(message));
      }
      case JSON -> JsonCodec.plain((JsonNode) value);
    };
  }
}

package io.kraftport.roundtrip;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kraftport.InvalidInputException;
import io.kraftport.schema.AvroSchemas;
import io.kraftport.schema.ProtobufSchemas;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates one deterministic sample record for a schema, exercising what the schema declares:
 * every Avro field (records, arrays, maps, unions, enums, fixed, bytes, logical types, defaults,
 * referenced named types), every Protobuf field (nested messages, enums, repeated, maps, oneofs,
 * well-known types, imports), and a JSON instance that the validator accepts. The same schema
 * always gives the same sample.
 */
public final class SampleGenerator {
  /**
   * A sample of the schema; for Protobuf, of the first message in the file, the one Confluent's
   * serializers use by default.
   *
   * @throws InvalidInputException if the schema does not parse or no valid sample can be made, with
   *     the reason
   */
  public Sample generate(ResolvedSchema schema) {
    return switch (SchemaType.of(schema)) {
      case AVRO ->
          new Sample(SchemaType.AVRO, AvroSamples.generate(AvroSchemas.parse(schema)), List.of());
      case PROTOBUF -> protobuf(ProtobufSchemas.descriptor(schema), null);
      case JSON -> new Sample(SchemaType.JSON, JsonSamples.generate(schema), List.of());
    };
  }

  /**
   * One sample per record type the schema can frame: for Protobuf, one per declared message (nested
   * ones included, in message-index order), since a producer may write any of them, and none for a
   * file of enums only; for Avro and JSON, the one sample.
   *
   * @throws InvalidInputException if the schema does not parse or no valid sample can be made, with
   *     the reason
   */
  public List<Sample> generateEach(ResolvedSchema schema) {
    if (SchemaType.of(schema) != SchemaType.PROTOBUF) {
      return List.of(generate(schema));
    }
    List<Sample> samples = new ArrayList<>();
    for (Descriptor message : ProtobufSchemas.messages(ProtobufSchemas.descriptor(schema))) {
      samples.add(protobuf(message));
    }
    return List.copyOf(samples);
  }

  /**
   * As {@link #generateEach(ResolvedSchema)}, with Avro and Protobuf schemas parsed through the
   * cache the caller reads records with: parsing a Protobuf file (linking it) costs far more than
   * generating and reading its samples.
   */
  List<Sample> generateEach(ResolvedSchema schema, ParsedSchemas parsed) {
    return switch (SchemaType.of(schema)) {
      case AVRO ->
          List.of(
              new Sample(SchemaType.AVRO, AvroSamples.generate(parsed.avro(schema)), List.of()));
      case PROTOBUF ->
          ProtobufSchemas.messages(parsed.protobuf(schema)).stream()
              .map(SampleGenerator::protobuf)
              .toList();
      case JSON -> List.of(generate(schema));
    };
  }

  /**
   * A sample of a named Protobuf message of the schema (its full name, such as {@code
   * shop.Order.Line}).
   *
   * @throws InvalidInputException if the schema is not Protobuf, does not parse, or has no such
   *     message
   */
  public Sample generate(ResolvedSchema schema, String messageName) {
    if (SchemaType.of(schema) != SchemaType.PROTOBUF) {
      throw new InvalidInputException(
          "a message name applies only to Protobuf schemas, not " + schema.type());
    }
    return protobuf(ProtobufSchemas.descriptor(schema), messageName);
  }

  private static Sample protobuf(FileDescriptor file, String messageName) {
    Descriptor message;
    if (messageName == null) {
      if (file.getMessageTypes().isEmpty()) {
        throw new InvalidInputException(
            "cannot generate a sample: the Protobuf schema declares no message");
      }
      message = file.getMessageTypes().get(0);
    } else {
      String qualified =
          file.getPackage().isEmpty() || messageName.startsWith(file.getPackage() + ".")
              ? messageName
              : file.getPackage() + "." + messageName;
      message =
          ProtobufSchemas.messages(file).stream()
              .filter(m -> m.getFullName().equals(qualified))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "the Protobuf schema declares no message " + messageName));
    }
    return protobuf(message);
  }

  private static Sample protobuf(Descriptor message) {
    return new Sample(
        SchemaType.PROTOBUF,
        ProtobufSamples.generate(message),
        ProtobufSchemas.messageIndexes(message));
  }
}

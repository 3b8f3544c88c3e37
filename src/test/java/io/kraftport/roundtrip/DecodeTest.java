package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.kraftport.InvalidInputException;
import io.kraftport.schema.AvroSchemas;
import io.kraftport.schema.JsonSchemas;
import io.kraftport.schema.ProtobufSchemas;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaType;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Serializing known values gives hand-computed bytes; decoding real records is strict and explains
 * failures.
 */
class DecodeTest {
  private static final ResolvedSchema AVRO =
      new ResolvedSchema(
          "AVRO",
          "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"},"
              + "{\"name\":\"s\",\"type\":\"string\"}]}",
          Map.of());
  private static final ResolvedSchema PROTO =
      new ResolvedSchema(
          "PROTOBUF", "syntax = \"proto3\"; message M { int32 n = 1; string s = 2; }", Map.of());
  private static final ResolvedSchema JSON =
      new ResolvedSchema(
          "JSON",
          "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}",
          Map.of());

  // n = 1 -> zigzag 02; s = "hi" -> length 2 as zigzag 04, then 68 69.
  private static final String AVRO_RECORD = "00 00000001 02 04 6869";
  // field 1 varint (tag 08) 01; field 2 length-delimited (tag 12) length 02, 68 69; message index
  // [0] -> 00.
  private static final String PROTO_RECORD = "00 00000002 00 0801 12026869";
  private static final String JSON_RECORD = "00 00000003 7b226e223a317d";

  private final RoundTrip roundTrip = new RoundTrip();
  private final SchemaLookup lookup =
      id ->
          switch (id) {
            case 1 -> AVRO;
            case 2 -> PROTO;
            case 3 -> JSON;
            default -> throw new InvalidInputException("no schema with id " + id);
          };

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @Test
  void serializesKnownValuesToTheExpectedBytes() {
    GenericRecord avro = new GenericData.Record(AvroSchemas.parse(AVRO));
    avro.put("n", 1);
    avro.put("s", "hi");
    var type = ProtobufSchemas.descriptor(PROTO).getMessageTypes().get(0);
    Message proto =
        DynamicMessage.newBuilder(type)
            .setField(type.findFieldByName("n"), 1)
            .setField(type.findFieldByName("s"), "hi")
            .build();
    JsonNode json = JsonSchemas.parseJson("{\"n\":1}", "test");

    assertThat(roundTrip.serialize(new Sample(SchemaType.AVRO, avro, List.of()), AVRO, 1))
        .isEqualTo(hex(AVRO_RECORD));
    assertThat(roundTrip.serialize(new Sample(SchemaType.PROTOBUF, proto, List.of(0)), PROTO, 2))
        .isEqualTo(hex(PROTO_RECORD));
    assertThat(roundTrip.serialize(new Sample(SchemaType.JSON, json, List.of()), JSON, 3))
        .isEqualTo(hex(JSON_RECORD));
  }

  @Test
  void decodesEachTypeWithTheSchemaItsIdNames() {
    Decoded avro = roundTrip.decode(hex(AVRO_RECORD), lookup);
    Decoded proto = roundTrip.decode(hex(PROTO_RECORD), lookup);
    Decoded json = roundTrip.decode(hex(JSON_RECORD), lookup);

    assertThat(avro.schemaId()).isEqualTo(1);
    assertThat(avro.value()).hasToString("{\"n\": 1, \"s\": \"hi\"}");
    assertThat(proto.messageIndexes()).containsExactly(0);
    assertThat(((Message) proto.value()).getAllFields().values()).containsExactly(1, "hi");
    assertThat(json.value()).hasToString("{\"n\":1}");
  }

  @Test
  void comparingTwoDecodedRecordsNamesTheFirstDifference() {
    Decoded source = roundTrip.decode(hex(AVRO_RECORD), lookup);
    Decoded target = roundTrip.decode(hex("00 00000001 02 04 6868"), lookup);

    assertThat(roundTrip.compare(source, source).passed()).isTrue();
    assertThat(roundTrip.compare(source, target))
        .isEqualTo(RoundTripResult.mismatch(1, SchemaType.AVRO, "s", "hi (string)", "hh (string)"));
  }

  @Test
  void rejectsATruncatedRecord() {
    assertThatThrownBy(() -> roundTrip.decode(hex("00 00000001 02 04 68"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Avro payload does not decode with schema id 1: ");
    assertThatThrownBy(() -> roundTrip.decode(hex("00 000000"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("record is truncated: 4 bytes");
    assertThatThrownBy(() -> roundTrip.decode(hex("00 00000002 00 0801 1202"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Protobuf payload does not decode as M with schema id 2: ");
  }

  @Test
  void rejectsAWrongMagicByte() {
    assertThatThrownBy(() -> roundTrip.decode(hex("01 00000001 02 04 6869"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("record starts with byte 0x01, not the Confluent magic byte 0x00");
  }

  @Test
  void rejectsBytesLeftOverAfterTheAvroRecord() {
    assertThatThrownBy(() -> roundTrip.decode(hex(AVRO_RECORD + "00"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("record has 1 bytes left after decoding with schema id 1");
  }

  @Test
  void rejectsAJsonRecordThatDoesNotValidate() {
    assertThatThrownBy(() -> roundTrip.decode(hex("00 00000003 7b7d"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("record does not validate against schema id 3: ")
        .hasMessageContaining("n");
  }

  @Test
  void anUnknownIdFailsAsTheLookupSays() {
    assertThatThrownBy(() -> roundTrip.decode(hex("00 00000063 00"), lookup))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no schema with id 99");
  }
}

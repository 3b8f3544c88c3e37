package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireFormatTest {
  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static Stream<Arguments> plainGolden() {
    return Stream.of(
        Arguments.of(1, "0204", "00 00000001 0204"),
        Arguments.of(256, "", "00 00000100"),
        Arguments.of(0x01020304, "ff", "00 01020304 ff"),
        Arguments.of(Integer.MAX_VALUE, "00", "00 7fffffff 00"));
  }

  @ParameterizedTest(name = "id {0}")
  @MethodSource("plainGolden")
  void framesAvroAndJsonPayloadsByteForByte(int id, String payload, String expected) {
    byte[] framed = WireFormat.frame(id, hex(payload));

    assertThat(framed).isEqualTo(hex(expected));
    assertThat(WireFormat.unframe(framed))
        .isEqualTo(new WireFormat.Framed(id, List.of(), hex(payload)));
    assertThat(WireFormat.schemaId(framed)).isEqualTo(id);
  }

  static Stream<Arguments> protobufGolden() {
    return Stream.of(
        // [0] is written as the single byte 0 (a count of zero), not as count 1 + index 0.
        Arguments.of(42, List.of(0), "0801", "00 0000002a 00 0801"),
        // count 1 -> zigzag 2; index 1 -> zigzag 2.
        Arguments.of(42, List.of(1), "0801", "00 0000002a 02 02 0801"),
        // count 2 -> 04; [0, 0] is not the short form.
        Arguments.of(5, List.of(0, 0), "", "00 00000005 04 00 00"),
        // count 3 -> 06; 2 -> 04; 0 -> 00; 70 -> zigzag 140 -> varint 8c 01.
        Arguments.of(7, List.of(2, 0, 70), "1203616263", "00 00000007 06 04 00 8c01 1203616263"));
  }

  @ParameterizedTest(name = "indexes {1}")
  @MethodSource("protobufGolden")
  void framesProtobufPayloadsWithMessageIndexesByteForByte(
      int id, List<Integer> indexes, String payload, String expected) {
    byte[] framed = WireFormat.frameProtobuf(id, indexes, hex(payload));

    assertThat(framed).isEqualTo(hex(expected));
    assertThat(WireFormat.unframeProtobuf(framed))
        .isEqualTo(new WireFormat.Framed(id, indexes, hex(payload)));
  }

  @Test
  void theLongFormOfTheFirstMessageReadsAsTheFirstMessage() {
    assertThat(WireFormat.unframeProtobuf(hex("00 00000001 02 00 08")).messageIndexes())
        .containsExactly(0);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "empty",
            "",
            false,
            "record is truncated: 0 bytes, but the Confluent wire format needs 5"),
        Arguments.of("header cut short", "00 000001", false, "record is truncated: 4 bytes"),
        Arguments.of(
            "wrong magic byte",
            "01 00000001 0204",
            false,
            "record starts with byte 0x01, not the Confluent magic byte 0x00"),
        Arguments.of("plain text", "7b 22 61 22 3a", false, "record starts with byte 0x7b"),
        Arguments.of(
            "protobuf without indexes",
            "00 00000001",
            true,
            "record is truncated in its Protobuf message indexes"),
        Arguments.of(
            "protobuf with fewer indexes than announced",
            "00 00000001 06 02",
            true,
            "record is truncated in its Protobuf message indexes: 3 indexes announced, 1 bytes left"),
        Arguments.of(
            "protobuf index cut mid-varint",
            "00 00000001 02 8c",
            true,
            "record is truncated in its Protobuf message indexes"),
        Arguments.of(
            "protobuf negative count",
            "00 00000001 01 00",
            true,
            "record has a negative Protobuf message-index count -1"),
        Arguments.of(
            "protobuf negative index",
            "00 00000001 02 03",
            true,
            "record has a negative Protobuf message index -2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedRecordsWithTheReason(
      String name, String bytes, boolean protobuf, String reason) {
    assertThatThrownBy(
            () -> {
              if (protobuf) {
                WireFormat.unframeProtobuf(hex(bytes));
              } else {
                WireFormat.unframe(hex(bytes));
              }
            })
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(reason);
  }

  @Test
  void framedRecordsDoNotShareTheirPayload() {
    byte[] payload = hex("0102");
    WireFormat.Framed framed = new WireFormat.Framed(1, List.of(), payload);
    payload[0] = 9;
    framed.payload()[1] = 9;

    assertThat(framed.payload()).isEqualTo(hex("0102"));
  }
}

package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Confluent's wire format for a record key or value: the magic byte {@code 0}, the schema id as 4
 * big-endian bytes, for Protobuf the message-index path, then the serialized payload. The path is a
 * zigzag varint count followed by zigzag varint indexes, except that the common path {@code [0]}
 * (the first message of the file) is the single byte {@code 0}.
 */
public final class WireFormat {
  /** The first byte of every framed record. */
  public static final byte MAGIC_BYTE = 0;

  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;

  private static final List<Integer> FIRST_MESSAGE = List.of(0);

  private WireFormat() {}

  /** Frames an Avro or JSON Schema payload. */
  public static byte[] frame(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(HEADER_SIZE + payload.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(payload)
        .array();
  }

  /** Frames a Protobuf payload with the message-index path of its message type. */
  public static byte[] frameProtobuf(int schemaId, List<Integer> messageIndexes, byte[] payload) {
    if (messageIndexes.isEmpty()) {
      throw new IllegalArgumentException("a Protobuf message-index path needs at least one index");
    }
    List<Integer> written = messageIndexes.equals(FIRST_MESSAGE) ? List.of() : messageIndexes;
    int size = HEADER_SIZE + ByteUtils.sizeOfVarint(written.size()) + payload.length;
    for (int index : written) {
      size += ByteUtils.sizeOfVarint(index);
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).put(MAGIC_BYTE).putInt(schemaId);
    ByteUtils.writeVarint(written.size(), buffer);
    for (int index : written) {
      ByteUtils.writeVarint(index, buffer);
    }
    return buffer.put(payload).array();
  }

  /**
   * The schema id of a framed record, read from its header alone.
   *
   * @throws InvalidInputException if the record is shorter than the header or does not start with
   *     the magic byte
   */
  public static int schemaId(byte[] record) {
    return header(record).getInt();
  }

  /** Splits a framed Avro or JSON Schema record into its schema id and payload. */
  public static Framed unframe(byte[] record) {
    ByteBuffer buffer = header(record);
    int schemaId = buffer.getInt();
    return new Framed(schemaId, List.of(), remaining(buffer));
  }

  /** Splits a framed Protobuf record into its schema id, message-index path and payload. */
  public static Framed unframeProtobuf(byte[] record) {
    ProtobufHeader h = protobufHeader(record);
    return new Framed(
        h.schemaId(),
        h.messageIndexes(),
        Arrays.copyOfRange(record, h.payloadOffset(), record.length));
  }

  /**
   * A framed Protobuf record's header: schema id, message-index path, and where its payload starts.
   */
  record ProtobufHeader(int schemaId, List<Integer> messageIndexes, int payloadOffset) {}

  /**
   * Reads a framed Protobuf record's header without copying the payload, as {@link
   * #unframeProtobuf} checks it.
   */
  static ProtobufHeader protobufHeader(byte[] record) {
    ByteBuffer buffer = header(record);
    int schemaId = buffer.getInt();
    try {
      int count = ByteUtils.readVarint(buffer);
      if (count < 0) {
        throw new InvalidInputException(
            "record has a negative Protobuf message-index count " + count);
      }
      // Each index takes at least one byte: checked before allocating, so a corrupt count cannot
      // exhaust memory.
      if (count > buffer.remaining()) {
        throw new InvalidInputException(
            "record is truncated in its Protobuf message indexes: "
                + count
                + " indexes announced, "
                + buffer.remaining()
                + " bytes left");
      }
      List<Integer> indexes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = ByteUtils.readVarint(buffer);
        if (index < 0) {
          throw new InvalidInputException("record has a negative Protobuf message index " + index);
        }
        indexes.add(index);
      }
      return new ProtobufHeader(
          schemaId, count == 0 ? FIRST_MESSAGE : List.copyOf(indexes), buffer.position());
    } catch (BufferUnderflowException e) {
      throw new InvalidInputException("record is truncated in its Protobuf message indexes", e);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "record has a malformed Protobuf message index: " + e.getMessage(), e);
    }
  }

  private static ByteBuffer header(byte[] record) {
    if (record.length < HEADER_SIZE) {
      throw new InvalidInputException(
          "record is truncated: "
              + record.length
              + " bytes, but the Confluent wire format needs "
              + HEADER_SIZE
              + " (magic byte and schema id)");
    }
    if (record[0] != MAGIC_BYTE) {
      throw new InvalidInputException(
          String.format(
              "record starts with byte 0x%02x, not the Confluent magic byte 0x00", record[0]));
    }
    ByteBuffer buffer = ByteBuffer.wrap(record);
    buffer.get();
    return buffer;
  }

  private static byte[] remaining(ByteBuffer buffer) {
    byte[] payload = new byte[buffer.remaining()];
    buffer.get(payload);
    return payload;
  }

  /**
   * A record taken apart: schema id, message-index path (empty but for Protobuf) and payload bytes.
   */
  public record Framed(int schemaId, List<Integer> messageIndexes, byte[] payload) {
    public Framed {
      messageIndexes = List.copyOf(messageIndexes);
      payload = payload.clone();
    }

    /** A copy of the payload: the record stays immutable. */
    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Framed other
          && schemaId == other.schemaId
          && messageIndexes.equals(other.messageIndexes)
          && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
      return Objects.hash(schemaId, messageIndexes, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
      return "Framed[schemaId="
          + schemaId
          + ", messageIndexes="
          + messageIndexes
          + ", payload="
          + HexFormat.of().formatHex(payload)
          + "]";
    }
  }
}

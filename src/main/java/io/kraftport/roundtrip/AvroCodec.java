package io.kraftport.roundtrip;

import io.kraftport.roundtrip.Values.Leaf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.TimePeriod;

/**
 * Avro binary encoding as Confluent's serializers write it (no container header), with Avro's
 * logical-type conversions on, so that a decimal is a {@code BigDecimal} and a date a {@code
 * LocalDate} on both sides.
 */
final class AvroCodec {
  /** Generic data with every logical-type conversion Avro ships. */
  static final GenericData DATA = withConversions();

  /** A decoder per thread, pointed at each payload in turn: a probe decodes many small records. */
  private static final ThreadLocal<BinaryDecoder[]> DECODER =
      ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

  private AvroCodec() {}

  static byte[] write(Schema schema, Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<>(schema, DATA).write(value, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /**
   * The datum and how many payload bytes it left unread (nonzero means the schema does not fit the
   * bytes).
   */
  record Read(Object value, int unreadBytes) {}

  /**
   * A reader of the schema as both writer and reader schema (the schema a consumer gets for the
   * record's id); not for concurrent use.
   */
  static GenericDatumReader<Object> reader(Schema schema) {
    return new GenericDatumReader<>(schema, schema, DATA);
  }

  /**
   * Decodes {@code length} bytes from {@code offset} with a reader (see {@link #reader}), without
   * copying them.
   */
  static Read read(GenericDatumReader<Object> reader, byte[] bytes, int offset, int length)
      throws IOException {
    BinaryDecoder[] reuse = DECODER.get();
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, reuse[0]);
    reuse[0] = decoder;
    Object value = reader.read(null, decoder);
    return new Read(value, decoder.inputStream().available());
  }

  /** The plain form of an Avro datum (see {@link Values}). */
  static Object plain(Object value) {
    if (value == null) {
      return new Leaf("null", "null");
    }
    if (value instanceof GenericRecord record) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Schema.Field field : record.getSchema().getFields()) {
        fields.put(field.name(), plain(record.get(field.pos())));
      }
      return fields;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> entries = new TreeMap<>();
      map.forEach((k, v) -> entries.put(String.valueOf(k), plain(v)));
      return entries;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(AvroCodec::plain).toList();
    }
    if (value instanceof CharSequence text) {
      return Leaf.of("string", text);
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return Leaf.of("bytes", HexFormat.of().formatHex(bytes));
    }
    if (value instanceof GenericFixed fixed) {
      return Leaf.of(
          "fixed " + fixed.getSchema().getFullName(), HexFormat.of().formatHex(fixed.bytes()));
    }
    if (value instanceof GenericEnumSymbol<?> symbol) {
      return Leaf.of("enum " + symbol.getSchema().getFullName(), symbol);
    }
    return Leaf.of(kind(value), value);
  }

  private static String kind(Object value) {
    if (value instanceof Integer) {
      return "int";
    } else if (value instanceof Long) {
      return "long";
    } else if (value instanceof Float) {
      return "float";
    } else if (value instanceof Double) {
      return "double";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof BigDecimal) {
      return "decimal";
    } else if (value instanceof LocalDate) {
      return "date";
    } else if (value instanceof LocalTime) {
      return "time";
    } else if (value instanceof Instant) {
      return "timestamp";
    } else if (value instanceof LocalDateTime) {
      return "local-timestamp";
    } else if (value instanceof UUID) {
      return "uuid";
    } else if (value instanceof TimePeriod) {
      return "duration";
    }
    return value.getClass().getSimpleName();
  }

  private static GenericData withConversions() {
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
}

package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.TimePeriod;

/**
 * Builds one deterministic Avro datum for a schema. Every field gets a value, distinct where the
 * type allows (a counter feeds numbers and strings), so that a field read from the wrong position
 * shows. A field with a non-null default gets its default; a nullable field gets its non-null
 * branch, so that the types behind it are exercised.
 */
final class AvroSamples {
  /**
   * How often a record may recur inside itself before recursion takes its way out (null, empty
   * array or map).
   */
  private static final int MAX_RECURSION = 3;

  private static final Instant TIMESTAMP = Instant.parse("2024-05-06T07:08:09.123456789Z");

  /** The records being built on the current path, by full name, with how often each is open. */
  private final Map<String, Integer> open = new HashMap<>();

  private int counter;

  private AvroSamples() {}

  /** A datum of the schema, with logical types as the values {@link AvroCodec#DATA} converts. */
  static Object generate(Schema schema) {
    return new AvroSamples().value(schema, 0, schema.getFullName());
  }

  // depth counts recursion, not nesting: how often a record on the path has been entered again.
  private Object value(Schema schema, int depth, String path) {
    counter++;
    LogicalType logical = schema.getLogicalType();
    if (logical != null) {
      Object converted = logicalValue(schema, logical);
      if (converted != null) {
        return converted;
      }
    }
    return switch (schema.getType()) {
      case RECORD -> record(schema, depth, path);
      case ENUM ->
          new GenericData.EnumSymbol(
              schema, schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1));
      case ARRAY -> {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; depth < MAX_RECURSION && i < 2; i++) {
          elements.add(value(schema.getElementType(), depth, path + "[" + i + "]"));
        }
        yield new GenericData.Array<>(schema, elements);
      }
      case MAP -> {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 1; depth < MAX_RECURSION && i <= 2; i++) {
          entries.put("key" + i, value(schema.getValueType(), depth, path + "." + "key" + i));
        }
        yield entries;
      }
      case UNION -> value(branch(schema, depth, path), depth, path);
      case FIXED -> new GenericData.Fixed(schema, bytes(schema.getFixedSize()));
      case STRING -> "text-" + counter;
      case BYTES -> ByteBuffer.wrap(bytes(3));
      case INT -> counter;
      case LONG -> 1_000_000_000_000L + counter;
      case FLOAT -> counter + 0.5f;
      case DOUBLE -> counter + 0.25;
      case BOOLEAN -> counter % 2 == 0;
      case NULL -> null;
    };
  }

  private GenericData.Record record(Schema schema, int depth, String path) {
    String name = schema.getFullName();
    int recursion = open.getOrDefault(name, 0) > 0 ? depth + 1 : depth;
    if (recursion > MAX_RECURSION + 2) {
      throw new InvalidInputException(
          "cannot generate a sample of Avro record "
              + name
              + ": it nests itself with no way out (a null branch, array or map) at "
              + path);
    }
    open.merge(name, 1, Integer::sum);
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      Object fieldValue =
          field.hasDefaultValue() && field.defaultVal() != JsonProperties.NULL_VALUE
              ? AvroCodec.DATA.getDefaultValue(field)
              : value(field.schema(), recursion, path + "." + field.name());
      record.put(field.pos(), fieldValue);
    }
    open.merge(name, -1, Integer::sum);
    return record;
  }

  // The first non-null branch, so that nested types are exercised; null only where the nesting must
  // stop.
  private static Schema branch(Schema union, int depth, String path) {
    Schema nullBranch = null;
    for (Schema branch : union.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        nullBranch = branch;
      } else if (depth < MAX_RECURSION) {
        return branch;
      }
    }
    if (nullBranch != null) {
      return nullBranch;
    }
    return union.getTypes().stream()
        .filter(b -> b.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "cannot generate a sample of an empty Avro union at " + path));
  }

  private Object logicalValue(Schema schema, LogicalType logical) {
    if (logical instanceof LogicalTypes.Decimal decimal) {
      // As many digits as the precision allows, up to 123456789: the scale shows if a reader gets
      // it wrong.
      int digits = Math.min(decimal.getPrecision(), 9);
      BigInteger unscaled = new BigInteger("123456789".substring(0, digits));
      return new BigDecimal(unscaled, decimal.getScale());
    }
    return switch (logical.getName()) {
      case "big-decimal" -> new BigDecimal("12345.6789");
      case "uuid" ->
          UUID.nameUUIDFromBytes(("kraftport-" + counter).getBytes(StandardCharsets.UTF_8));
      case "date" -> LocalDate.of(2024, 5, 6).plusDays(counter);
      case "time-millis" -> LocalTime.of(7, 8, 9, 123_000_000).plusSeconds(counter);
      case "time-micros" -> LocalTime.of(7, 8, 9, 123_456_000).plusSeconds(counter);
      case "timestamp-millis" -> TIMESTAMP.truncatedTo(ChronoUnit.MILLIS).plusSeconds(counter);
      case "timestamp-micros" -> TIMESTAMP.truncatedTo(ChronoUnit.MICROS).plusSeconds(counter);
      case "timestamp-nanos" -> TIMESTAMP.plusSeconds(counter);
      case "local-timestamp-millis" -> local(TIMESTAMP.truncatedTo(ChronoUnit.MILLIS));
      case "local-timestamp-micros" -> local(TIMESTAMP.truncatedTo(ChronoUnit.MICROS));
      case "local-timestamp-nanos" -> local(TIMESTAMP);
      case "duration" -> TimePeriod.of(1, 2, 3_000);
      default -> null;
    };
  }

  private LocalDateTime local(Instant instant) {
    return LocalDateTime.ofEpochSecond(
        instant.getEpochSecond() + counter, instant.getNano(), ZoneOffset.UTC);
  }

  private byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (counter + i * 7);
    }
    return bytes;
  }
}

package io.kraftport.roundtrip;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one deterministic Protobuf message for a descriptor. Every field is set, with non-default
 * values (a default scalar is not on the wire in proto3, so it would prove nothing), repeated
 * fields and maps get two entries, each oneof its first member, and {@code
 * google.protobuf.Timestamp} and {@code Duration} valid values.
 */
final class ProtobufSamples {
  /**
   * How often a message may recur inside itself before its recursive fields stay unset; every
   * message field is optional, so generation always ends.
   */
  private static final int MAX_RECURSION = 3;

  /** The messages being built on the current path, by full name, with how often each is open. */
  private final Map<String, Integer> open = new HashMap<>();

  private int counter;

  private ProtobufSamples() {}

  static DynamicMessage generate(Descriptor message) {
    return new ProtobufSamples().message(message, 0);
  }

  // depth counts recursion, not nesting: how often a message on the path has been entered again.
  private DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> {
        return builder
            .setField(type.findFieldByName("seconds"), 1_714_979_289L + ++counter)
            .setField(type.findFieldByName("nanos"), 123_456_789)
            .build();
      }
      case "google.protobuf.Duration" -> {
        return builder
            .setField(type.findFieldByName("seconds"), 90L + ++counter)
            .setField(type.findFieldByName("nanos"), 500_000_000)
            .build();
      }
      default -> {
        // generic below
      }
    }
    open.merge(type.getFullName(), 1, Integer::sum);
    for (FieldDescriptor field : type.getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof != null && oneof.getField(0) != field) {
        continue;
      }
      int recursion =
          recursion(
              field.isMapField() ? field.getMessageType().findFieldByNumber(2) : field, depth);
      if (recursion > MAX_RECURSION) {
        continue;
      }
      if (field.isMapField()) {
        Descriptor entry = field.getMessageType();
        for (int i = 1; i <= 2; i++) {
          FieldDescriptor key = entry.findFieldByNumber(1);
          FieldDescriptor value = entry.findFieldByNumber(2);
          builder.addRepeatedField(
              field,
              DynamicMessage.newBuilder(entry)
                  .setField(key, mapKey(key, i))
                  .setField(value, value(value, recursion))
                  .build());
        }
      } else if (field.isRepeated()) {
        builder.addRepeatedField(field, value(field, recursion));
        builder.addRepeatedField(field, value(field, recursion));
      } else {
        builder.setField(field, value(field, recursion));
      }
    }
    open.merge(type.getFullName(), -1, Integer::sum);
    return builder.build();
  }

  // The recursion depth a field's value is built at: one more when its message type is already open
  // on the path.
  private int recursion(FieldDescriptor field, int depth) {
    boolean reentered =
        field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && open.getOrDefault(field.getMessageType().getFullName(), 0) > 0;
    return reentered ? depth + 1 : depth;
  }

  private Object value(FieldDescriptor field, int depth) {
    counter++;
    return switch (field.getType()) {
      case INT32, UINT32, FIXED32, SFIXED32 -> counter;
      case SINT32 -> -counter;
      case INT64, UINT64, FIXED64, SFIXED64 -> 1_000_000_000_000L + counter;
      case SINT64 -> -1_000_000_000_000L - counter;
      case FLOAT -> counter + 0.5f;
      case DOUBLE -> counter + 0.25;
      case BOOL -> true;
      case STRING -> "text-" + counter;
      case BYTES ->
          ByteString.copyFrom(new byte[] {(byte) counter, (byte) (counter + 7), (byte) 0xff});
      case ENUM -> {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        yield values.get(values.size() - 1);
      }
      case MESSAGE, GROUP -> message(field.getMessageType(), depth);
    };
  }

  private static Object mapKey(FieldDescriptor key, int i) {
    return switch (key.getJavaType()) {
      case STRING -> "key" + i;
      case INT -> i;
      case LONG -> (long) i;
      case BOOLEAN -> i == 1;
      default ->
          throw new IllegalStateException("protobuf map keys are integral, bool or string: " + key);
    };
  }
}

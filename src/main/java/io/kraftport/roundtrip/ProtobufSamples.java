package io.kraftport.roundtrip;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;

/**
 * Builds one deterministic Protobuf message for a descriptor. Every field is set, with non-default values (a
 * default scalar is not on the wire in proto3, so it would prove nothing), repeated fields and maps get two
 * entries, each oneof its first member, and {@code google.protobuf.Timestamp} and {@code Duration} valid values.
 */
final class ProtobufSamples {
  /** Nesting beyond which message fields stay unset; every message field is optional, so this always ends. */
  private static final int MAX_DEPTH = 6;

  private int counter;

  private ProtobufSamples() {}

  static DynamicMessage generate(Descriptor message) {
    return new ProtobufSamples().message(message, 0);
  }

  private DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> {
        return builder.setField(type.findFieldByName("seconds"), 1_714_979_289L + ++counter)
            .setField(type.findFieldByName("nanos"), 123_456_789).build();
      }
      case "google.protobuf.Duration" -> {
        return builder.setField(type.findFieldByName("seconds"), 90L + ++counter)
            .setField(type.findFieldByName("nanos"), 500_000_000).build();
      }
      default -> {
        // generic below
      }
    }
    for (FieldDescriptor field : type.getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof != null && oneof.getField(0) != field) {
        continue;
      }
      boolean nested = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
      if (nested && depth >= MAX_DEPTH) {
        continue;
      }
      if (field.isMapField()) {
        Descriptor entry = field.getMessageType();
        for (int i = 1; i <= 2; i++) {
          FieldDescriptor key = entry.findFieldByNumber(1);
          FieldDescriptor value = entry.findFieldByNumber(2);
          builder.addRepeatedField(field, DynamicMessage.newBuilder(entry)
              .setField(key, mapKey(key, i))
              .setField(value, value(value, depth + 1))
              .build());
        }
      } else if (field.isRepeated()) {
        builder.addRepeatedField(field, value(field, depth + 1));
        builder.addRepeatedField(field, value(field, depth + 1));
      } else {
        builder.setField(field, value(field, depth + 1));
      }
    }
    return builder.build();
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
      case BYTES -> ByteString.copyFrom(new byte[] {(byte) counter, (byte) (counter + 7), (byte) 0xff});
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
      default -> throw new IllegalStateException("protobuf map keys are integral, bool or string: " + key);
    };
  }
}

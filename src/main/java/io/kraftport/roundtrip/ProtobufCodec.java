package io.kraftport.roundtrip;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.kraftport.roundtrip.Values.Leaf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Protobuf binary encoding of dynamic messages, and their plain form for comparison. */
final class ProtobufCodec {
  private ProtobufCodec() {}

  /** Decodes {@code length} bytes from {@code offset}, without copying them. */
  static DynamicMessage read(Descriptor type, byte[] bytes, int offset, int length)
      throws IOException {
    return DynamicMessage.parseFrom(type, CodedInputStream.newInstance(bytes, offset, length));
  }

  /**
   * The plain form of a message (see {@link Values}): the fields it has, by name. A field is
   * present when it is set (non-empty for repeated fields), so a field the reading schema does not
   * know shows as absent.
   */
  static Map<String, Object> plain(Message message) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isMapField()) {
        if (message.getRepeatedFieldCount(field) > 0) {
          Map<String, Object> entries = new TreeMap<>();
          for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            Descriptor entryType = entry.getDescriptorForType();
            entries.put(
                String.valueOf(entry.getField(entryType.findFieldByNumber(1))),
                value(
                    entryType.findFieldByNumber(2),
                    entry.getField(entryType.findFieldByNumber(2))));
          }
          fields.put(field.getName(), entries);
        }
      } else if (field.isRepeated()) {
        if (message.getRepeatedFieldCount(field) > 0) {
          List<Object> elements = new ArrayList<>();
          for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            elements.add(value(field, message.getRepeatedField(field, i)));
          }
          fields.put(field.getName(), elements);
        }
      } else if (message.hasField(field)) {
        fields.put(field.getName(), value(field, message.getField(field)));
      }
    }
    return fields;
  }

  private static Object value(FieldDescriptor field, Object value) {
    if (value instanceof Message nested) {
      return plain(nested);
    }
    if (value instanceof EnumValueDescriptor enumValue) {
      return Leaf.of("enum " + enumValue.getType().getFullName(), enumValue.getName());
    }
    if (value instanceof ByteString bytes) {
      return Leaf.of("bytes", HexFormat.of().formatHex(bytes.toByteArray()));
    }
    return Leaf.of(field.getType().name().toLowerCase(Locale.ROOT), value);
  }
}

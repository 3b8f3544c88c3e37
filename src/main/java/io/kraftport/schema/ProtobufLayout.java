package io.kraftport.schema;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file descriptor re-laid-out so that two layouts of one schema compare equal: only the order
 * that decides the wire format or Confluent's message indexes stays. Registries re-lay-out what
 * they store (Confluent prints plain fields, then oneofs, then nested messages, then nested enums),
 * so declaration order inside a message cannot be part of the comparison.
 *
 * <p>What moves: fields sort by number; oneofs sort by their lowest field number, synthetic ({@code
 * optional} proto3) oneofs after the real ones as protobuf requires; map-entry types protobuf
 * synthesizes sort by name after the declared nested messages; imports sort by path; extensions
 * sort by extendee and number. What stays: the order of messages (top level and nested, which are
 * message indexes), of enums and their values, and of services and their methods.
 */
final class ProtobufLayout {
  private static final Comparator<FieldDescriptorProto> EXTENSION_ORDER =
      Comparator.comparing(FieldDescriptorProto::getExtendee)
          .thenComparingInt(FieldDescriptorProto::getNumber);

  private ProtobufLayout() {}

  /** The file with its imports, messages and extensions in the order described above. */
  static FileDescriptorProto normalized(FileDescriptorProto file) {
    FileDescriptorProto.Builder out = file.toBuilder();
    List<String> imports = file.getDependencyList().stream().sorted().toList();
    out.clearDependency().addAllDependency(imports);
    // Public and weak imports are indexes into the import list, so they follow it.
    out.clearPublicDependency()
        .addAllPublicDependency(
            file.getPublicDependencyList().stream()
                .map(i -> imports.indexOf(file.getDependency(i)))
                .sorted()
                .toList());
    out.clearWeakDependency()
        .addAllWeakDependency(
            file.getWeakDependencyList().stream()
                .map(i -> imports.indexOf(file.getDependency(i)))
                .sorted()
                .toList());
    out.clearMessageType();
    file.getMessageTypeList().forEach(m -> out.addMessageType(normalized(m)));
    out.clearExtension()
        .addAllExtension(file.getExtensionList().stream().sorted(EXTENSION_ORDER).toList());
    return out.build();
  }

  private static DescriptorProto normalized(DescriptorProto message) {
    List<FieldDescriptorProto> fields =
        message.getFieldList().stream()
            .sorted(Comparator.comparingInt(FieldDescriptorProto::getNumber))
            .toList();
    Map<Integer, Integer> oneofs = oneofOrder(message, fields);

    DescriptorProto.Builder out =
        message.toBuilder().clearField().clearOneofDecl().clearNestedType();
    for (FieldDescriptorProto field : fields) {
      out.addField(
          field.hasOneofIndex()
              ? field.toBuilder().setOneofIndex(oneofs.get(field.getOneofIndex())).build()
              : field);
    }
    oneofs.keySet().forEach(old -> out.addOneofDecl(message.getOneofDecl(old)));

    List<DescriptorProto> mapEntries = new ArrayList<>();
    for (DescriptorProto nested : message.getNestedTypeList()) {
      if (nested.getOptions().getMapEntry()) {
        mapEntries.add(nested);
      } else {
        out.addNestedType(normalized(nested));
      }
    }
    mapEntries.stream()
        .sorted(Comparator.comparing(DescriptorProto::getName))
        .forEach(out::addNestedType);

    out.clearExtension()
        .addAllExtension(message.getExtensionList().stream().sorted(EXTENSION_ORDER).toList());
    out.clearExtensionRange()
        .addAllExtensionRange(
            message.getExtensionRangeList().stream()
                .sorted(Comparator.comparingInt(DescriptorProto.ExtensionRange::getStart))
                .toList());
    out.clearReservedRange()
        .addAllReservedRange(
            message.getReservedRangeList().stream()
                .sorted(Comparator.comparingInt(DescriptorProto.ReservedRange::getStart))
                .toList());
    out.clearReservedName()
        .addAllReservedName(message.getReservedNameList().stream().sorted().toList());
    return out.build();
  }

  /**
   * The new position of each oneof (old index to new index, in new order): real oneofs in the order
   * of their lowest field number, then synthetic ones likewise, then any without fields in
   * declaration order.
   */
  private static Map<Integer, Integer> oneofOrder(
      DescriptorProto message, List<FieldDescriptorProto> byNumber) {
    List<Integer> order = new ArrayList<>();
    for (boolean synthetic : new boolean[] {false, true}) {
      for (FieldDescriptorProto field : byNumber) {
        if (field.hasOneofIndex()
            && field.getProto3Optional() == synthetic
            && !order.contains(field.getOneofIndex())) {
          order.add(field.getOneofIndex());
        }
      }
    }
    for (int i = 0; i < message.getOneofDeclCount(); i++) {
      if (!order.contains(i)) {
        order.add(i);
      }
    }
    Map<Integer, Integer> positions = new LinkedHashMap<>();
    order.forEach(old -> positions.put(old, positions.size()));
    return positions;
  }
}

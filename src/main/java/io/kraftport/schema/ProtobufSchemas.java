package io.kraftport.schema;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.internal.SchemaEncoder;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code .proto} schemas parsed and linked with Square Wire, then built into protobuf-java
 * descriptors. Imports resolve to the schema's references (keyed by import path, such as {@code
 * common/money.proto}); the well-known {@code google/protobuf/*.proto} files need no reference and
 * map to protobuf-java's own descriptors.
 */
public final class ProtobufSchemas {
  /** The file name the root schema gets; a registry stores it without one. */
  public static final String ROOT_PATH = "kraftport/root.proto";

  private static final Map<String, FileDescriptor> WELL_KNOWN = wellKnown();

  private ProtobufSchemas() {}

  /**
   * The root schema as a linked, validated protobuf descriptor, with its imports as dependencies.
   *
   * @throws InvalidInputException if the schema or an import does not parse or link, with the
   *     reason
   */
  public static FileDescriptor descriptor(ResolvedSchema schema) {
    Map<String, String> files = new TreeMap<>();
    collectFiles(schema.references(), files);
    if (files.containsKey(ROOT_PATH)) {
      throw new InvalidInputException("Protobuf reference name " + ROOT_PATH + " is reserved");
    }
    files.put(ROOT_PATH, schema.schema());
    Schema linked = link(files);
    return new DescriptorBuilder(linked, files).build(ROOT_PATH);
  }

  /**
   * The normalized text of the root file: its descriptor, re-laid-out by {@link ProtobufLayout}, in
   * protobuf text format. Comments, whitespace, the way a type is named (relative or qualified),
   * the order of fields, oneofs and imports are gone; the order of messages and enums, which
   * decides Confluent's message indexes, stays.
   */
  public static String canonical(ResolvedSchema schema) {
    return TextFormat.printer()
        .printToString(ProtobufLayout.normalized(descriptor(schema).toProto()));
  }

  /**
   * The message a Confluent message-index path names: {@code [i]} is the i-th top-level message,
   * {@code [i, j]} its j-th nested message, and so on. Like Confluent, it counts declared messages
   * only, not the entry types protobuf synthesizes for map fields.
   *
   * @throws InvalidInputException if the path names no message of the file
   */
  public static Descriptor message(FileDescriptor file, List<Integer> indexes) {
    if (indexes.isEmpty()) {
      throw new InvalidInputException("a Protobuf message-index path needs at least one index");
    }
    List<Descriptor> candidates = file.getMessageTypes();
    Descriptor found = null;
    for (int index : indexes) {
      if (index < 0 || index >= candidates.size()) {
        throw new InvalidInputException(
            "message-index path " + indexes + " names no message of the Protobuf schema");
      }
      found = candidates.get(index);
      candidates = declared(found.getNestedTypes());
    }
    return found;
  }

  /**
   * The Confluent message-index path of a message: its position in the file, then in each enclosing
   * message.
   */
  public static List<Integer> messageIndexes(Descriptor message) {
    List<Integer> path = new ArrayList<>();
    for (Descriptor d = message; d != null; d = d.getContainingType()) {
      List<Descriptor> siblings =
          d.getContainingType() == null
              ? d.getFile().getMessageTypes()
              : declared(d.getContainingType().getNestedTypes());
      path.add(0, siblings.indexOf(d));
    }
    return List.copyOf(path);
  }

  /** Every declared message of the file, nested ones after their parent, in message-index order. */
  public static List<Descriptor> messages(FileDescriptor file) {
    List<Descriptor> messages = new ArrayList<>();
    addWithNested(file.getMessageTypes(), messages);
    return List.copyOf(messages);
  }

  private static void addWithNested(List<Descriptor> declared, List<Descriptor> into) {
    for (Descriptor message : declared) {
      into.add(message);
      addWithNested(declared(message.getNestedTypes()), into);
    }
  }

  private static List<Descriptor> declared(List<Descriptor> nested) {
    return nested.stream().filter(d -> !d.getOptions().getMapEntry()).toList();
  }

  private static void collectFiles(
      Map<String, ResolvedSchema> references, Map<String, String> into) {
    for (Map.Entry<String, ResolvedSchema> reference : new TreeMap<>(references).entrySet()) {
      String previous = into.putIfAbsent(reference.getKey(), reference.getValue().schema());
      if (previous == null) {
        collectFiles(reference.getValue().references(), into);
      } else if (!previous.equals(reference.getValue().schema())) {
        throw new InvalidInputException(
            "Protobuf import " + reference.getKey() + " is referenced with two different contents");
      }
    }
  }

  private static Schema link(Map<String, String> files) {
    Loader loader = new MapLoader(files);
    ErrorCollector errors = new ErrorCollector();
    try {
      ProtoFile root = loader.load(ROOT_PATH);
      // Exhaustive loading links every import fully, so that each can be encoded as a descriptor.
      return new Linker(loader, errors, false, true).link(List.of(root));
    } catch (SchemaException e) {
      throw new InvalidInputException("Protobuf schema does not link: " + linkErrors(e), e);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException("Protobuf schema does not parse: " + Reasons.of(e), e);
    }
  }

  // Wire reports each problem as several lines (the error, then "for field ...", "in message ...");
  // keep each first.
  private static String linkErrors(SchemaException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return String.join(
        "; ",
        Stream.of(message.split("\n"))
            .filter(line -> !line.isBlank() && !line.startsWith(" "))
            .toList());
  }

  private static Map<String, FileDescriptor> wellKnown() {
    Map<String, FileDescriptor> files = new HashMap<>();
    for (FileDescriptor file :
        List.of(
            AnyProto.getDescriptor(),
            ApiProto.getDescriptor(),
            DescriptorProtos.getDescriptor(),
            DurationProto.getDescriptor(),
            EmptyProto.getDescriptor(),
            FieldMaskProto.getDescriptor(),
            SourceContextProto.getDescriptor(),
            StructProto.getDescriptor(),
            TimestampProto.getDescriptor(),
            TypeProto.getDescriptor(),
            WrappersProto.getDescriptor())) {
      files.put(file.getName(), file);
    }
    return Map.copyOf(files);
  }

  /**
   * Wire's view of the files: the schema and its references, the well-known files from the class
   * path.
   */
  private record MapLoader(Map<String, String> files) implements Loader {
    @Override
    public ProtoFile load(String path) {
      String text = files.get(path);
      if (text == null && path.startsWith("google/protobuf/")) {
        text = classpathProto(path);
      }
      if (text == null && path.startsWith("wire/")) {
        return CoreLoader.INSTANCE.load(path);
      }
      if (text == null) {
        throw new InvalidInputException(
            "Protobuf import " + path + " is not among the schema's references");
      }
      String what = path.equals(ROOT_PATH) ? "Protobuf schema" : "Protobuf import " + path;
      try {
        return ProtoFile.Companion.get(ProtoParser.Companion.parse(Location.get(path), text));
      } catch (RuntimeException e) {
        throw new InvalidInputException(what + " does not parse: " + Reasons.of(e), e);
      }
    }

    @Override
    public Loader withErrors(ErrorCollector errors) {
      return this;
    }

    private static String classpathProto(String path) {
      try (InputStream in = ProtobufSchemas.class.getClassLoader().getResourceAsStream(path)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + path + " from the class path", e);
      }
    }
  }

  /**
   * Encodes linked Wire files as descriptors, dependencies first, using protobuf-java's for
   * well-known files.
   */
  private static final class DescriptorBuilder {
    private final Schema schema;
    private final SchemaEncoder encoder;
    private final Map<String, String> files;
    private final Map<String, FileDescriptor> built = new HashMap<>(WELL_KNOWN);

    DescriptorBuilder(Schema schema, Map<String, String> files) {
      this.schema = schema;
      this.encoder = new SchemaEncoder(schema);
      this.files = files;
    }

    FileDescriptor build(String path) {
      FileDescriptor existing = built.get(path);
      if (existing != null) {
        return existing;
      }
      ProtoFile file = schema.protoFile(path);
      if (file == null) {
        throw new InvalidInputException(
            "Protobuf import " + path + " is not among the schema's references");
      }
      FileDescriptorProto proto;
      try {
        proto = FileDescriptorProto.parseFrom(encoder.encode(file).toByteArray());
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("Wire encoded an unreadable descriptor for " + path, e);
      }
      List<FileDescriptor> dependencies = new ArrayList<>();
      for (String dependency : proto.getDependencyList()) {
        dependencies.add(build(dependency));
      }
      String what =
          files.containsKey(path) && !path.equals(ROOT_PATH)
              ? "Protobuf import " + path
              : "Protobuf schema";
      try {
        FileDescriptor descriptor =
            FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
        built.put(path, descriptor);
        return descriptor;
      } catch (DescriptorValidationException e) {
        throw new InvalidInputException(what + " is not valid: " + Reasons.of(e), e);
      }
    }
  }
}

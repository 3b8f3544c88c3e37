package io.kraftport.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes snapshot files: the only place that knows the file format. Output is
 * deterministic (sorted keys, two-space indentation, one trailing newline); input is strict
 * (unknown fields, a key given twice, a wrong {@code formatVersion}, missing or mistyped values,
 * and what {@link SnapshotValidator} finds impossible are refused with the JSON path of the
 * offending element).
 */
public final class SnapshotCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // A key given twice (two "partitions" in one topic) would otherwise silently keep the
          // last.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .defaultPrettyPrinter(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")))
          .build();

  private SnapshotCodec() {}

  /**
   * The mapper other packages use for JSON that must follow the same formatting rules (reports).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Snapshot snapshot) {
    try {
      return MAPPER.writeValueAsString(snapshot) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize snapshot", e);
    }
  }

  /**
   * Writes the snapshot through a temporary file in the same folder, so a reader never sees half a
   * file.
   */
  public static void write(Snapshot snapshot, Path file) {
    writeAtomically(file, toJson(snapshot));
  }

  /** Writes text to a file through a temporary sibling and a move. */
  public static void writeAtomically(Path file, String text) {
    Path absolute = file.toAbsolutePath();
    try {
      Path dir = absolute.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static Snapshot read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses snapshot text; {@code where} names its origin in error messages. */
  public static Snapshot parse(String text, String where) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String at =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InvalidInputException(
          where + ": not valid JSON" + at + ": " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidInputException(where + ": a snapshot must be a JSON object");
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.isInt()) {
      throw new InvalidInputException(where + ": formatVersion: missing or not a number");
    }
    if (version.intValue() != Snapshot.FORMAT_VERSION) {
      throw new InvalidInputException(
          where
              + ": formatVersion: "
              + version.intValue()
              + " is not supported (this build reads "
              + Snapshot.FORMAT_VERSION
              + ")");
    }
    try {
      SnapshotValidator.check(tree);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + ": " + e.getMessage());
    }
    try {
      return MAPPER.treeToValue(tree, Snapshot.class);
    } catch (JsonMappingException e) {
      throw new InvalidInputException(where + ": " + describe(e));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(where + ": " + e.getOriginalMessage());
    }
  }

  private static String describe(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    var refs = e.getPath();
    if (e instanceof UnrecognizedPropertyException && !refs.isEmpty()) {
      // The path ends in the unknown field itself; the message names it.
      refs = refs.subList(0, refs.size() - 1);
    }
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String what;
    if (e instanceof UnrecognizedPropertyException u) {
      what = "unknown field \"" + u.getPropertyName() + "\"";
    } else {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      what =
          root instanceof IllegalArgumentException || root instanceof NullPointerException
              ? root.getMessage()
              : firstLine(e.getOriginalMessage());
    }
    return (path.length() == 0 ? "" : path + ": ") + what;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid value";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    // Jackson appends advice about its own feature flags, which means nothing to a user of the
    // tool.
    return line.replaceAll("\\s*\\(set DeserializationConfig.*$", "")
        .replaceAll(";\\s*`.*` enabled$", "");
  }
}

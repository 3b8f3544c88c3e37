package io.kraftport.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a server's or a tool's log file, for error messages that show why a start
 * failed.
 */
final class LogTail {
  static final int LINES = 30;

  /** Reading only the end keeps this cheap for a log that has grown large. */
  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /**
   * Up to {@code maxLines} last lines of {@code file}; empty when it does not exist or cannot be
   * read.
   */
  static List<String> lines(Path file, int maxLines) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] buf = new byte[size];
      raf.seek(length - size);
      raf.readFully(buf);
      List<String> lines = Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\r?\n"));
      return List.copyOf(lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * {@code "; last lines of <file>:"} and the indented tail, or {@code "; <file> is empty"}: a
   * message's end.
   */
  static String describe(Path file) {
    List<String> lines = lines(file, LINES);
    if (lines.isEmpty() || lines.size() == 1 && lines.get(0).isBlank()) {
      return "; " + file + " is empty";
    }
    return "; last lines of " + file + ":\n    " + String.join("\n    ", lines);
  }
}

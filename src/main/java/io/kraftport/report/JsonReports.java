package io.kraftport.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Path;

/**
 * Writes machine-readable reports with the snapshot's formatting rules (sorted keys, stable
 * indentation).
 */
public final class JsonReports {
  private JsonReports() {}

  public static String toJson(Object report) {
    try {
      return SnapshotCodec.mapper().writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize report", e);
    }
  }

  public static void write(Path file, Object report) {
    SnapshotCodec.writeAtomically(file, toJson(report));
  }
}

package io.kraftport.gate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of the oldest client library versions that work with Kafka 4, each row with its source,
 * read from {@code client-minimums.json}. The table is data: adding a library needs no code.
 */
public final class ClientMinimums {
  private static final String RESOURCE = "client-minimums.json";
  private static final Pattern LEADING_VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+)*)");

  /**
   * One row: a library, the KIP-511 software names it reports, its minimum version, a note and the
   * source.
   */
  public record Row(
      String client, List<String> softwareNames, String minimum, String note, String source) {
    public Row {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(minimum, "minimum");
      Objects.requireNonNull(source, "source");
      softwareNames = List.copyOf(softwareNames);
    }
  }

  /** What the table says of one client software name and version. */
  public enum Verdict {
    /** At or above the row's minimum. */
    READY,
    /** Below the row's minimum. */
    UPGRADE,
    /** Not in the table, or a version that cannot be compared (such as {@code unknown}). */
    UNKNOWN
  }

  /** A verdict and the row it came from, if any. */
  public record Judgment(Verdict verdict, Optional<Row> row) {}

  private record Table(String about, List<Row> clients) {}

  private final List<Row> rows;

  public ClientMinimums(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The table shipped with kraftport. */
  public static ClientMinimums standard() {
    try (InputStream in = ClientMinimums.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, RESOURCE);
      Table table =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, Table.class);
      return new ClientMinimums(table.clients());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public List<Row> rows() {
    return rows;
  }

  /** The verdict for a client software name and version as KIP-511 reports them. */
  public Judgment judge(String softwareName, String version) {
    String name = softwareName.toLowerCase(Locale.ROOT);
    Optional<Row> row =
        rows.stream().filter(r -> r.softwareNames().stream().anyMatch(name::equals)).findFirst();
    if (row.isEmpty()) {
      return new Judgment(Verdict.UNKNOWN, row);
    }
    Optional<int[]> have = numbers(version);
    Optional<int[]> need = numbers(row.get().minimum());
    if (have.isEmpty() || need.isEmpty()) {
      return new Judgment(Verdict.UNKNOWN, row);
    }
    return new Judgment(
        compare(have.get(), need.get()) >= 0 ? Verdict.READY : Verdict.UPGRADE, row);
  }

  /** The leading dotted numbers of a version ({@code 2.6.1-RC1} is 2.6.1), or empty. */
  static Optional<int[]> numbers(String version) {
    Matcher m = LEADING_VERSION.matcher(version.strip());
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String[] parts = m.group(1).split("\\.");
    int[] out = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        out[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }
}

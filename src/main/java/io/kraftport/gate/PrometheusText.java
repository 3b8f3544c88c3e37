package io.kraftport.gate;

import io.kraftport.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4), as served by the
 * Prometheus JMX exporter on MSK's open monitoring. No library on Maven Central parses this format
 * (the Prometheus Java client only writes it), and kraftport needs only samples: {@code # HELP} /
 * {@code # TYPE} lines and comments are skipped, every other line must be {@code
 * name[{label="value",...}] value [timestamp]}, and a line that is not fails the whole page with
 * its line number, so a page that is not metrics (an HTML error page, a proxy's answer) is never
 * read as "no clients".
 */
public final class PrometheusText {
  private PrometheusText() {}

  /** One sample: a metric name, its labels (sorted by name) and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    public Sample {
      Objects.requireNonNull(name, "name");
      labels = Map.copyOf(labels);
    }

    /**
     * The label called {@code name}, compared without case and without {@code _} ({@code
     * client_software_name}).
     */
    public String label(String wanted) {
      String key = MetricNames.normalize(wanted);
      for (Map.Entry<String, String> e : labels.entrySet()) {
        if (MetricNames.normalize(e.getKey()).equals(key)) {
          return e.getValue();
        }
      }
      return null;
    }
  }

  /** Parses a whole page; {@code where} (a URL) names it in the error for a malformed line. */
  public static List<Sample> parse(String text, String where) {
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(new LineParser(line).sample());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            where + ": not the Prometheus text format at line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return List.copyOf(samples);
  }

  /** Parses one sample line; throws {@link IllegalArgumentException} saying what is wrong. */
  private static final class LineParser {
    private static final Pattern NUMBER =
        Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private final String line;
    private int pos;

    LineParser(String line) {
      this.line = line;
    }

    Sample sample() {
      String name = name(true);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("no metric name");
      }
      Map<String, String> labels = new TreeMap<>();
      if (peek() == '{') {
        pos++;
        labels(labels);
      }
      if (pos >= line.length() || !Character.isWhitespace(line.charAt(pos))) {
        throw new IllegalArgumentException("no value after '" + name + "'");
      }
      String[] rest = line.substring(pos).strip().split("\\s+");
      if (rest.length > 2) {
        throw new IllegalArgumentException("unexpected text after the value of '" + name + "'");
      }
      if (rest.length == 2) {
        try {
          Long.parseLong(rest[1]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad timestamp '" + rest[1] + "'");
        }
      }
      return new Sample(name, labels, value(rest[0]));
    }

    private void labels(Map<String, String> into) {
      while (true) {
        skipSpaces();
        if (peek() == '}') {
          pos++;
          return;
        }
        String label = name(false);
        if (label.isEmpty()) {
          throw new IllegalArgumentException("bad label name at column " + (pos + 1));
        }
        skipSpaces();
        expect('=');
        skipSpaces();
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
          if (pos >= line.length()) {
            throw new IllegalArgumentException("unterminated value of label '" + label + "'");
          }
          char c = line.charAt(pos++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            if (pos >= line.length()) {
              throw new IllegalArgumentException("unterminated value of label '" + label + "'");
            }
            char e = line.charAt(pos++);
            switch (e) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default ->
                  throw new IllegalArgumentException(
                      "bad escape '\\" + e + "' in label '" + label + "'");
            }
          } else {
            value.append(c);
          }
        }
        if (into.put(label, value.toString()) != null) {
          throw new IllegalArgumentException("label '" + label + "' given twice");
        }
        skipSpaces();
        if (peek() == ',') {
          pos++;
        } else if (peek() != '}') {
          throw new IllegalArgumentException("expected ',' or '}' at column " + (pos + 1));
        }
      }
    }

    /** A metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or a label name (no colons). */
    private String name(boolean metric) {
      int start = pos;
      while (pos < line.length()) {
        char c = line.charAt(pos);
        boolean ok =
            c == '_'
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (metric && c == ':')
                || (pos > start && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        pos++;
      }
      return line.substring(start, pos);
    }

    private static double value(String text) {
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "+Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        default:
          // Stricter than Double.parseDouble, which also takes "1d", "0x1p3" and "Infinity".
          if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("bad value '" + text + "'");
          }
          return Double.parseDouble(text);
      }
    }

    private char peek() {
      return pos < line.length() ? line.charAt(pos) : '\0';
    }

    private void skipSpaces() {
      while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
        pos++;
      }
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at column " + (pos + 1));
      }
      pos++;
    }
  }
}

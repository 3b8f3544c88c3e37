package io.kraftport.diff;

import io.kraftport.InvalidInputException;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Known, accepted differences, so a CI job stays deterministic: a text file of lines {@code KIND
 * RESOURCE [FIELD]}, where KIND is a difference kind or {@code *}, and RESOURCE and FIELD are
 * regular expressions matched against the whole value. {@code #} starts a comment. Matching drift
 * becomes {@link Status#ACCEPTED}, still shown, with the line that accepted it.
 */
public final class AllowList {
  private final List<Entry> entries;

  private record Entry(Kind kind, Pattern resource, Pattern field, String where) {
    boolean matches(Difference d) {
      return (kind == null || kind == d.kind())
          && resource.matcher(d.resource()).matches()
          && (field == null || (d.field() != null && field.matcher(d.field()).matches()));
    }
  }

  private AllowList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static final AllowList NONE = new AllowList(List.of());

  public static AllowList read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  static AllowList parse(List<String> lines, String where) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      String at = where + ":" + (i + 1);
      String[] parts = text.split("\\s+");
      if (parts.length < 2 || parts.length > 3) {
        throw new InvalidInputException(
            at + ": expected 'KIND RESOURCE [FIELD]', got '" + text + "'");
      }
      Kind kind;
      try {
        kind = parts[0].equals("*") ? null : Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(at + ": unknown difference kind '" + parts[0] + "'");
      }
      try {
        entries.add(
            new Entry(
                kind,
                Pattern.compile(parts[1]),
                parts.length == 3 ? Pattern.compile(parts[2]) : null,
                at));
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException(at + ": invalid regular expression: " + e.getDescription());
      }
    }
    return new AllowList(entries);
  }

  /** The differences with every matching drift marked accepted. */
  public List<Difference> apply(List<Difference> differences) {
    if (entries.isEmpty()) {
      return differences;
    }
    return differences.stream()
        .map(
            d -> {
              if (!d.isDrift()) {
                return d;
              }
              return entries.stream()
                  .filter(e -> e.matches(d))
                  .findFirst()
                  .map(e -> d.withStatus(Status.ACCEPTED, "accepted by " + e.where()))
                  .orElse(d);
            })
        .toList();
  }
}

package io.kraftport.report;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wording every human-facing report format shares (JUnit XML, Markdown, HTML): the headline,
 * the tally, which area a kind of difference belongs to, how one difference reads as a sentence,
 * and how long values are shortened. Kept in one place so the formats say the same thing in the
 * same words.
 */
final class ReportParts {
  private ReportParts() {}

  /** One resource's differences within one area: a JUnit test case, a group of rows elsewhere. */
  record ResourceGroup(String area, String resource, List<Difference> differences) {
    ResourceGroup {
      differences = List.copyOf(differences);
    }

    List<Difference> drift() {
      return differences.stream().filter(Difference::isDrift).toList();
    }

    List<Difference> expected() {
      return differences.stream().filter(d -> !d.isDrift()).toList();
    }
  }

  /** "kraftport diff: PARITY". */
  static String headline(Report report) {
    return "kraftport " + report.command() + ": " + report.verdict();
  }

  /** "1 drift, 2 translated, 0 accepted", in the order of {@link Status}. */
  static String tally(Report report) {
    List<String> parts = new ArrayList<>();
    for (Status s : Status.values()) {
      parts.add(count(report, s) + " " + statusLabel(s));
    }
    return String.join(", ", parts);
  }

  static long count(Report report, Status status) {
    return report.summary().getOrDefault(statusLabel(status), 0L);
  }

  /** "drift", "translated", "accepted": also the keys of {@link Report#summary()}. */
  static String statusLabel(Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The part of a migration a kind of difference belongs to; the exhaustive switch makes a new kind
   * choose one.
   */
  static String area(Kind kind) {
    return switch (kind) {
      case TOPIC_COUNT, TOPIC_MISSING, TOPIC_EXTRA, PARTITIONS, REPLICATION_FACTOR, CONFIG ->
          "topics";
      case SUBJECT_COUNT,
          SUBJECT_MISSING,
          SUBJECT_EXTRA,
          SUBJECT_DELETED,
          VERSIONS,
          VERSION_DELETED,
          SCHEMA_ID,
          SCHEMA_TYPE,
          SCHEMA_TEXT,
          REFERENCES,
          COMPATIBILITY,
          MODE ->
          "subjects";
      case ROUND_TRIP, PRODUCER_LOOKUP, COMPATIBILITY_CHECK -> "roundtrip";
    };
  }

  /** "topic missing" for {@code TOPIC_MISSING}. */
  static String kindLabel(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** What differs, in a few words: "partitions", "config retention.ms", "topic missing". */
  static String what(Difference d) {
    if (d.field() == null) {
      return kindLabel(d.kind());
    }
    return d.kind() == Kind.CONFIG ? "config " + d.field() : d.field();
  }

  /** One difference as a sentence, values in full: "partitions: expected 3, actual 6 — note". */
  static String sentence(Difference d) {
    StringBuilder sb =
        new StringBuilder(what(d))
            .append(": expected ")
            .append(orNone(d.expected()))
            .append(", actual ")
            .append(orNone(d.actual()));
    if (d.note() != null) {
      sb.append(" — ").append(d.note());
    }
    return sb.toString();
  }

  static String orNone(String value) {
    return value == null ? "(none)" : value;
  }

  /**
   * Groups differences by area and resource, keeping the report's order (which {@link
   * Difference#ORDER} made stable). Grouping by area too keeps a topic and a subject of the same
   * name apart.
   */
  static List<ResourceGroup> byResource(List<Difference> differences) {
    Map<List<String>, List<Difference>> groups = new LinkedHashMap<>();
    for (Difference d : differences) {
      groups.computeIfAbsent(List.of(area(d.kind()), d.resource()), k -> new ArrayList<>()).add(d);
    }
    List<ResourceGroup> out = new ArrayList<>(groups.size());
    groups.forEach((key, list) -> out.add(new ResourceGroup(key.get(0), key.get(1), list)));
    return out;
  }

  /** An expected and an actual value, shortened alike. */
  record Values(String expected, String actual) {}

  /**
   * Shortens a difference's two values to at most {@code max} characters each. When they share a
   * prefix longer than that (two schemas that differ in their last field), both start shortly
   * before the first character that differs: cut from the start, the two cells would read the same.
   */
  static Values abbreviate(Difference d, int max) {
    String e = d.expected();
    String a = d.actual();
    int common = 0;
    if (e != null && a != null) {
      int n = Math.min(e.length(), a.length());
      while (common < n && e.charAt(common) == a.charAt(common)) {
        common++;
      }
    }
    // Keep a quarter of the room for what leads up to the difference.
    int start = common > max * 3 / 4 ? common - max / 4 : 0;
    return new Values(excerpt(e, start, max), excerpt(a, start, max));
  }

  /**
   * Shortens text to at most {@code max} characters, ending in "…"; never splits a surrogate pair.
   */
  static String abbreviate(String s, int max) {
    return excerpt(s, 0, max);
  }

  /**
   * At most {@code max} characters of {@code s} from {@code start}, with "…" where text was left
   * out.
   */
  private static String excerpt(String s, int start, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    if (start > 0 && Character.isLowSurrogate(s.charAt(start))) {
      start--;
    }
    String head = start > 0 ? "…" : "";
    int end = start + max - head.length();
    if (end >= s.length()) {
      return head + s.substring(start);
    }
    end--;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return head + s.substring(start, end) + "…";
  }
}

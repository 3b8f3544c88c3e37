package io.kraftport.roundtrip;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain form records are compared in, whatever their schema type: a record or message is a
 * {@code Map} from field name to value (insertion-ordered), a map a {@code Map} keyed by the key's
 * text (sorted), an array a {@code List}, and every scalar a {@link Leaf} that keeps its kind, so
 * that {@code 5} as an int and {@code 5} as a long differ.
 */
final class Values {
  private static final int MAX_RENDERED = 120;

  private Values() {}

  /**
   * A scalar: its kind (such as {@code int}, {@code string}, {@code decimal}, {@code enum}) and its
   * text.
   */
  record Leaf(String kind, String text) {
    Leaf {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }

    static Leaf of(String kind, Object value) {
      return new Leaf(kind, String.valueOf(value));
    }

    @Override
    public String toString() {
      return text + " (" + kind + ")";
    }
  }

  /**
   * Where two plain values first differ, with the expected and actual values rendered on one line.
   */
  record Mismatch(String field, String expected, String actual) {}

  /** The first difference between two plain values, depth first in the expected value's order. */
  static Optional<Mismatch> firstDifference(Object expected, Object actual) {
    return Optional.ofNullable(difference("", expected, actual));
  }

  private static Mismatch difference(String path, Object expected, Object actual) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        String child = child(path, String.valueOf(entry.getKey()));
        if (!a.containsKey(entry.getKey())) {
          return new Mismatch(child, render(entry.getValue()), "<absent>");
        }
        Mismatch inner = difference(child, entry.getValue(), a.get(entry.getKey()));
        if (inner != null) {
          return inner;
        }
      }
      for (Map.Entry<?, ?> entry : a.entrySet()) {
        if (!e.containsKey(entry.getKey())) {
          return new Mismatch(
              child(path, String.valueOf(entry.getKey())), "<absent>", render(entry.getValue()));
        }
      }
      return null;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      Iterator<?> actualElements = a.iterator();
      int index = 0;
      for (Object element : e) {
        String child = path + "[" + index++ + "]";
        if (!actualElements.hasNext()) {
          return new Mismatch(child, render(element), "<absent>");
        }
        Mismatch inner = difference(child, element, actualElements.next());
        if (inner != null) {
          return inner;
        }
      }
      return actualElements.hasNext()
          ? new Mismatch(path + "[" + index + "]", "<absent>", render(actualElements.next()))
          : null;
    }
    return Objects.equals(expected, actual)
        ? null
        : new Mismatch(path.isEmpty() ? "(value)" : path, render(expected), render(actual));
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String render(Object value) {
    String text =
        value instanceof Map<?, ?> map
            ? "{" + map.size() + " fields: " + map.keySet() + "}"
            : value instanceof List<?> list
                ? "[" + list.size() + " elements]"
                : String.valueOf(value);
    return text.length() <= MAX_RENDERED ? text : text.substring(0, MAX_RENDERED) + "...";
  }
}

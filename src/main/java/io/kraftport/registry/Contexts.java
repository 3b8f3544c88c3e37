package io.kraftport.registry;

/**
 * Schema Registry contexts as subject names carry them: {@code :.ctx:orders-value} is {@code
 * orders-value} in context {@code .ctx}; an unqualified subject (or {@code :.:name}) is in the
 * default context {@code .}. Each context is its own id space on Confluent, so a lookup by id must
 * say which context it means.
 */
public final class Contexts {
  /** The default context. */
  public static final String DEFAULT = ".";

  private Contexts() {}

  /**
   * The context of a subject: {@code .ctx} for {@code :.ctx:name}, {@link #DEFAULT} for an
   * unqualified name.
   */
  public static String of(String subject) {
    if (subject == null || !subject.startsWith(":.")) {
      return DEFAULT;
    }
    int end = subject.indexOf(':', 2);
    String context = end < 0 ? subject.substring(1) : subject.substring(1, end);
    return context.isEmpty() ? DEFAULT : context;
  }

  public static boolean isDefault(String context) {
    return context == null || context.isEmpty() || context.equals(DEFAULT);
  }

  /**
   * The {@code subject} query parameter that points a lookup by id at a context ({@code :.ctx:}),
   * or null for the default context. Confluent reads the context from it; with an unqualified
   * subject it would search every context after the default one, so none is sent for the default
   * context.
   */
  static String subjectParameter(String context) {
    return isDefault(context) ? null : ":" + context + ":";
  }
}

package io.kraftport.registry;

import io.kraftport.InvalidInputException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a registry export takes: subjects whose whole name matches {@code include} (all when null)
 * and not {@code exclude}; the page size of the {@code /schemas} listing; and how many subjects are
 * read at once.
 */
public record ExportOptions(Pattern include, Pattern exclude, int pageSize, int parallelism) {
  public static final ExportOptions ALL =
      new ExportOptions(null, null, 1000, RegistrySettings.DEFAULT_CONCURRENCY);

  public ExportOptions {
    if (pageSize < 1) {
      throw new InvalidInputException(
          "registry listing page size must be at least 1, was " + pageSize);
    }
    if (parallelism < 1) {
      throw new InvalidInputException(
          "registry export parallelism must be at least 1, was " + parallelism);
    }
  }

  /** Options with include and exclude regular expressions (either may be null or blank). */
  public static ExportOptions filtered(String include, String exclude) {
    return new ExportOptions(
        compile(include, "include"), compile(exclude, "exclude"), ALL.pageSize, ALL.parallelism);
  }

  public ExportOptions withPageSize(int size) {
    return new ExportOptions(include, exclude, size, parallelism);
  }

  public ExportOptions withParallelism(int n) {
    return new ExportOptions(include, exclude, pageSize, n);
  }

  /** Whether a subject is exported. */
  public boolean accepts(String subject) {
    return (include == null || include.matcher(subject).matches())
        && (exclude == null || !exclude.matcher(subject).matches());
  }

  private static Pattern compile(String regex, String what) {
    if (regex == null || regex.isBlank()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          "subject "
              + what
              + " filter is not a valid regular expression: "
              + e.getDescription()
              + " in "
              + regex);
    }
  }
}

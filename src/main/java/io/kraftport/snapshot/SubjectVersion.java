package io.kraftport.snapshot;

import java.util.Comparator;
import java.util.Objects;

/**
 * A subject version's name: the subject and its version number. The one key for a version wherever
 * versions are looked up, cached or ordered; sorts by subject, then version.
 */
public record SubjectVersion(String subject, int version) implements Comparable<SubjectVersion> {
  private static final Comparator<SubjectVersion> ORDER =
      Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version);

  public SubjectVersion {
    Objects.requireNonNull(subject, "subject");
  }

  /** The subject version a reference names. */
  public static SubjectVersion of(SchemaVersion.SchemaReference reference) {
    return new SubjectVersion(reference.subject(), reference.version());
  }

  @Override
  public int compareTo(SubjectVersion other) {
    return ORDER.compare(this, other);
  }

  /** {@code subject/version}, as messages name a version. */
  @Override
  public String toString() {
    return subject + "/" + version;
  }
}

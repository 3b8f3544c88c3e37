package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;

/**
 * One row of the drift matrix: a change a user cares about, made to one resource, and the drift
 * {@code diff} must report for it: exit 1, a {@code DRIFT} of {@code kind} on {@code resource}, and
 * nothing drifting outside {@code scope} (the topic or subject the change touched) but the counts.
 */
record DriftCase(
    String name, String scope, Kind kind, String resource, String field, Mutation mutation) {
  /** The change, made on a real server or on the stubs' model. */
  @FunctionalInterface
  interface Mutation {
    void apply() throws Exception;
  }

  static DriftCase on(String name, String scope, Kind kind, Mutation mutation) {
    return new DriftCase(name, scope, kind, scope, null, mutation);
  }

  /** The same case, expecting the drift on a version of the subject rather than on the subject. */
  DriftCase at(String exactResource) {
    return new DriftCase(name, scope, kind, exactResource, field, mutation);
  }

  /**
   * The same case, expecting the drift's field to contain {@code text} (a config name, a schema
   * id).
   */
  DriftCase field(String text) {
    return new DriftCase(name, scope, kind, resource, text, mutation);
  }

  /**
   * Asserts that a diff restricted to {@link #scope} found this case's drift, and only drift of its
   * scope.
   */
  void assertFound(DiffRun run) {
    assertThat(run.code()).as("%s: %s", name, run.describe()).isEqualTo(1);
    assertThat(run.drifts())
        .as(
            "%s: no %s drift on %s%s: %s",
            name, kind, resource, field == null ? "" : " (" + field + ")", run.describe())
        .anyMatch(this::matches);
    assertThat(run.drifts())
        .as("%s: drift outside %s: %s", name, scope, run.describe())
        .allMatch(d -> DiffRun.isCount(d) || within(d, scope));
    assertThat(run.out())
        .as("%s: %s", name, run.describe())
        .contains("DRIFT", resource, "Verdict: DIFFERENCES");
  }

  /** Whether a difference is the drift this case expects. */
  boolean matches(Difference d) {
    return d.isDrift()
        && d.kind() == kind
        && d.resource().equals(resource)
        && (field == null || (d.field() != null && d.field().contains(field)));
  }

  /**
   * Whether a difference concerns {@code scope}: the topic or subject itself, or one of the
   * subject's versions.
   */
  static boolean within(Difference d, String scope) {
    return d.resource().equals(scope) || d.resource().startsWith(scope + "/");
  }
}

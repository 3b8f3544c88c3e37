package io.kraftport.registry;

import static io.kraftport.registry.Fixtures.RECORD_A;
import static io.kraftport.registry.Fixtures.RECORD_A_REFORMATTED;
import static io.kraftport.registry.Fixtures.STRING;
import static io.kraftport.registry.Fixtures.avro;
import static io.kraftport.registry.Fixtures.deleted;
import static io.kraftport.registry.Fixtures.ref;
import static io.kraftport.registry.Fixtures.subject;
import static io.kraftport.registry.Fixtures.withId;
import static io.kraftport.registry.Fixtures.withOverrides;
import static io.kraftport.registry.Fixtures.withSchema;
import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryDifferTest {
  private static final SchemaVersion A1 = avro(1, 1, RECORD_A);
  private static final SchemaVersion A2 = avro(2, 2, STRING);
  private static final RegistrySnapshot BASE = Fixtures.confluent(subject("a-value", A1, A2));

  private static List<Difference> diff(RegistrySnapshot source, RegistrySnapshot target) {
    return RegistryDiffer.diff(source, target, new TestCanon());
  }

  private static RegistrySnapshot target(SchemaVersion... versions) {
    return Fixtures.confluent(subject("a-value", versions));
  }

  @Test
  void identicalRegistriesHaveNoDifferences() {
    assertThat(diff(BASE, BASE)).isEmpty();
  }

  @Test
  void reformattedSchemasAreEqual() {
    assertThat(diff(BASE, target(withSchema(A1, RECORD_A_REFORMATTED), A2))).isEmpty();
  }

  static Stream<Arguments> oneDifference() {
    return Stream.of(
        Arguments.of("missing version", target(A1), Kind.VERSIONS, "a-value", "1,2", "1"),
        Arguments.of(
            "soft-deleted version",
            target(A1, deleted(A2)),
            Kind.VERSION_DELETED,
            "a-value/2",
            "false",
            "true"),
        Arguments.of("other id", target(A1, withId(A2, 9)), Kind.SCHEMA_ID, "a-value/2", "2", "9"),
        Arguments.of(
            "other schema",
            target(A1, withSchema(A2, "\"int\"")),
            Kind.SCHEMA_TEXT,
            "a-value/2",
            "\"string\"",
            "\"int\""),
        Arguments.of(
            "other type",
            target(A1, new SchemaVersion(2, 2, "JSON", false, null, null, null, STRING)),
            Kind.SCHEMA_TYPE,
            "a-value/2",
            "AVRO",
            "JSON"),
        Arguments.of(
            "other references",
            target(A1, avro(2, 2, STRING, ref("X", "a-value", 1))),
            Kind.REFERENCES,
            "a-value/2",
            "",
            "X=a-value/1"),
        Arguments.of(
            "compatibility override",
            Fixtures.confluent(withOverrides(subject("a-value", A1, A2), "FULL", null)),
            Kind.COMPATIBILITY,
            "a-value",
            "(inherits global)",
            "FULL"),
        Arguments.of(
            "mode override",
            Fixtures.confluent(withOverrides(subject("a-value", A1, A2), null, "READONLY")),
            Kind.MODE,
            "a-value",
            "(inherits global)",
            "READONLY"),
        Arguments.of(
            "global compatibility",
            Fixtures.withGlobal(BASE, "FULL", "READWRITE"),
            Kind.COMPATIBILITY,
            RegistryDiffer.REGISTRY,
            "BACKWARD",
            "FULL"),
        Arguments.of(
            "soft-deleted subject",
            Fixtures.confluent(new SubjectSnapshot("a-value", true, null, null, List.of(A1, A2))),
            Kind.SUBJECT_DELETED,
            "a-value",
            "false",
            "true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneDifference")
  void reportsEachKindOfDifference(
      String name,
      RegistrySnapshot target,
      Kind kind,
      String resource,
      String expected,
      String actual) {
    assertThat(diff(BASE, target))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(kind);
              assertThat(d.resource()).isEqualTo(resource);
              assertThat(d.expected()).isEqualTo(expected);
              assertThat(d.actual()).isEqualTo(actual);
              assertThat(d.status()).isEqualTo(Status.DRIFT);
            });
  }

  @Test
  void missingAndExtraSubjectsAndTheirCount() {
    RegistrySnapshot target = Fixtures.confluent(subject("b-value", A1), subject("c-value", A1));
    // Counts sort first (Difference.ORDER), then resources by name.
    assertThat(diff(BASE, target))
        .extracting(Difference::kind, Difference::resource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.SUBJECT_COUNT, RegistryDiffer.REGISTRY),
            org.assertj.core.groups.Tuple.tuple(Kind.SUBJECT_MISSING, "a-value"),
            org.assertj.core.groups.Tuple.tuple(Kind.SUBJECT_EXTRA, "b-value"),
            org.assertj.core.groups.Tuple.tuple(Kind.SUBJECT_EXTRA, "c-value"));
  }

  @Test
  void idChangesRecordedAtImportAreAccepted() {
    RegistrySnapshot target = target(A1, withId(A2, 9));
    RegistrySnapshot withChanges =
        new RegistrySnapshot(
            target.url(),
            target.flavor(),
            "BACKWARD",
            "READWRITE",
            true,
            List.of(),
            target.subjects(),
            List.of(new RegistrySnapshot.IdChange(2, 9)));
    assertThat(diff(BASE, withChanges))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.SCHEMA_ID);
              assertThat(d.status()).isEqualTo(Status.ACCEPTED);
            });
  }

  @Test
  void apicurioInheritedAnswersAreNotNoise() {
    RegistrySnapshot source =
        Fixtures.confluent(
            withOverrides(subject("a-value", A1), "FULL", "READONLY"), subject("b-value", A2));
    // Apicurio answers NONE (compatibility) and the global mode where a subject has no value of its
    // own.
    RegistrySnapshot target =
        Fixtures.withGlobal(
            Fixtures.apicurio(
                withOverrides(subject("a-value", A1), "FULL", "READONLY"),
                withOverrides(subject("b-value", A2), "NONE", "READWRITE")),
            "BACKWARD",
            "READWRITE");
    assertThat(diff(source, target)).isEmpty();
  }

  @Test
  void apicurioEffectiveValuesStillShowRealDifferences() {
    RegistrySnapshot source =
        Fixtures.confluent(withOverrides(subject("a-value", A1), "FULL", null));
    RegistrySnapshot target =
        Fixtures.withGlobal(
            Fixtures.apicurio(withOverrides(subject("a-value", A1), "NONE", "READWRITE")),
            "BACKWARD",
            "READWRITE");
    assertThat(diff(source, target))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.COMPATIBILITY);
              assertThat(d.expected()).isEqualTo("FULL");
              assertThat(d.actual()).isEqualTo("BACKWARD");
              assertThat(d.note()).contains("effective");
            });
  }

  @Test
  void anExplicitNoneOnApicurioIsAnOverrideNotInheritance() {
    RegistrySnapshot none =
        Fixtures.apicurioWithRules(withOverrides(subject("a-value", A1), "NONE", "READWRITE"));
    RegistrySnapshot inherits =
        Fixtures.apicurioWithRules(withOverrides(subject("a-value", A1), null, "READWRITE"));
    assertThat(diff(none, none)).isEmpty();
    assertThat(diff(none, inherits))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.COMPATIBILITY);
              assertThat(d.resource()).isEqualTo("a-value");
              assertThat(d.expected()).isEqualTo("NONE");
              assertThat(d.actual()).isEqualTo("(inherits global)");
            });
    assertThat(diff(inherits, none))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.expected()).isEqualTo("(inherits global)");
              assertThat(d.actual()).isEqualTo("NONE");
            });
    // Against a Confluent source the override is compared as such too.
    RegistrySnapshot confluent =
        Fixtures.confluent(withOverrides(subject("a-value", A1), "NONE", null));
    assertThat(diff(confluent, inherits))
        .extracting(Difference::kind)
        .containsExactly(Kind.COMPATIBILITY);
  }

  @Test
  void aFrozenSourceAgainstAWritableTargetIsTranslated() {
    RegistrySnapshot frozen = Fixtures.withGlobal(BASE, "BACKWARD", "READONLY");
    assertThat(diff(frozen, BASE))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.MODE);
              assertThat(d.status()).isEqualTo(Status.TRANSLATED);
            });
    assertThat(diff(BASE, frozen))
        .singleElement()
        .extracting(Difference::status)
        .isEqualTo(Status.DRIFT);
  }

  @Test
  void aSchemaThatDoesNotParseIsReportedWithTheReason() {
    assertThat(diff(BASE, target(A1, withSchema(A2, "{oops"))))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.SCHEMA_TEXT);
              assertThat(d.note()).contains("target schema does not parse");
            });
  }
}

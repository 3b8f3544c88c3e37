package io.kraftport.registry;

import static io.kraftport.registry.Fixtures.avro;
import static io.kraftport.registry.Fixtures.ref;
import static io.kraftport.registry.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Canonicals;
import io.kraftport.diff.Canonicals.Outcome;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical forms of a snapshot's schemas say in a type whether each parsed, and if not, why
 * not.
 */
class CanonicalsTest {
  private static final String RECORD = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";

  static Stream<Arguments> cases() {
    SchemaVersion base = avro(1, 1, RECORD);
    RegistrySnapshot own = Fixtures.confluent(subject("base-value", base));
    RegistrySnapshot other = Fixtures.confluent(subject("other-value", avro(1, 2, RECORD)));
    return Stream.of(
        Arguments.of("parses", avro(1, 5, RECORD), own, null, Outcome.PARSED, null),
        Arguments.of(
            "reference in the snapshot",
            avro(1, 5, RECORD, ref("A", "base-value", 1)),
            own,
            null,
            Outcome.PARSED,
            null),
        Arguments.of(
            "reference in the fallback",
            avro(1, 5, RECORD, ref("A", "other-value", 1)),
            own,
            other,
            Outcome.PARSED,
            null),
        Arguments.of(
            "does not parse",
            avro(1, 5, "{not json"),
            own,
            null,
            Outcome.DOES_NOT_PARSE,
            "does not parse: not valid JSON"),
        Arguments.of(
            "reference nowhere",
            avro(1, 5, RECORD, ref("A", "gone-value", 3)),
            own,
            other,
            Outcome.REFERENCE_NOT_FOUND,
            "reference A to gone-value/3 cannot be found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void saysWhetherEachSchemaParsed(
      String name,
      SchemaVersion version,
      RegistrySnapshot snapshot,
      RegistrySnapshot fallback,
      Outcome outcome,
      String error) {
    Canonicals.Form form =
        new Canonicals(new TestCanon(), snapshot, fallback).of("s-value", version);
    assertThat(form.outcome()).isEqualTo(outcome);
    assertThat(form.ok()).isEqualTo(outcome == Outcome.PARSED);
    if (error == null) {
      assertThat(form.error()).isNull();
      assertThat(form.canonical()).isNotBlank();
    } else {
      assertThat(form.error()).startsWith(error);
      assertThat(form.canonical()).isNull();
    }
  }
}

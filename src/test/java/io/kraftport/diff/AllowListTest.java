package io.kraftport.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {
  private static final List<Difference> DIFFS =
      List.of(
          Difference.drift(Kind.CONFIG, "orders", "retention.ms", "1", "2"),
          Difference.drift(Kind.CONFIG, "payments", "retention.ms", "1", "2"),
          Difference.drift(Kind.SCHEMA_ID, "orders-value/1", "id", 1, 2));

  @Test
  void acceptsMatchingDriftAndSaysWhichLine() {
    AllowList list =
        AllowList.parse(
            List.of("# known", "CONFIG orders retention\\..*  # agreed in review", "* .*-value/.*"),
            "allow.txt");
    List<Difference> out = list.apply(DIFFS);
    assertThat(out)
        .extracting(Difference::status)
        .containsExactly(Status.ACCEPTED, Status.DRIFT, Status.ACCEPTED);
    assertThat(out.get(0).note()).isEqualTo("accepted by allow.txt:2");
    assertThat(out.get(2).note()).isEqualTo("accepted by allow.txt:3");
  }

  @Test
  void badLinesAreInputErrorsWithTheLineNumber() {
    assertThatThrownBy(() -> AllowList.parse(List.of("", "COLOUR orders"), "a.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("a.txt:2: unknown difference kind 'COLOUR'");
    assertThatThrownBy(() -> AllowList.parse(List.of("CONFIG ("), "a.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("a.txt:1: invalid regular expression");
    assertThatThrownBy(() -> AllowList.parse(List.of("CONFIG"), "a.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected 'KIND RESOURCE [FIELD]'");
  }
}

package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReportPartsTest {
  @ParameterizedTest
  @CsvSource({
    "short, 10, short",
    "exactly10!, 10, exactly10!",
    "a little too long, 10, a little …",
  })
  void abbreviatesFromTheStart(String in, int max, String out) {
    assertThat(ReportParts.abbreviate(in, max)).isEqualTo(out);
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "ab\uD83D\uDE00cdefgh";
    assertThat(ReportParts.abbreviate(emoji, 4)).isEqualTo("ab…");
  }

  @Test
  void abbreviatesTwoValuesAroundTheirFirstDifference() {
    String common = "0123456789".repeat(4);
    Difference d =
        Difference.drift(
            Kind.SCHEMA_TEXT, "s", "schema", common + "expected-tail-and-more", common + "actual");
    ReportParts.Values v = ReportParts.abbreviate(d, 20);
    assertThat(v.expected()).isEqualTo("…56789expected-tail…").hasSize(20);
    assertThat(v.actual()).isEqualTo("…56789actual");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyKindBelongsToAnArea(Kind kind) {
    assertThat(ReportParts.area(kind)).isIn("topics", "subjects", "roundtrip");
  }
}

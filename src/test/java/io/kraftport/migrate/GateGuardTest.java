package io.kraftport.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.UnreachableException;
import io.kraftport.gate.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateGuardTest {
  @Test
  void aCheckThatCannotReachItsClusterFailsWithTheReason() {
    CheckResult r =
        GateService.guard(
            "source-drained",
            () -> {
              throw new UnreachableException("source cluster (b-1:9092): no answer within 30 s");
            });
    assertThat(r.passed()).isFalse();
    assertThat(r.summary())
        .isEqualTo("could not run: source cluster (b-1:9092): no answer within 30 s");
  }

  @Test
  void aBugIsNotAClosedGate() {
    assertThatThrownBy(
            () ->
                GateService.guard(
                    "target-healthy",
                    () -> {
                      throw new NullPointerException("partition leader");
                    }))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                GateService.guard(
                    "clients-ready",
                    () -> {
                      throw new InvalidInputException("--source-jmx: not HOST:PORT");
                    }))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCheckThatRunsIsItsOwnResult() {
    CheckResult ok = CheckResult.pass("parity", "no drift", List.of());
    assertThat(GateService.guard("parity", () -> ok)).isSameAs(ok);
  }
}

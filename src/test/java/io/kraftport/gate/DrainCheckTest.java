package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrainCheckTest {
  private static final TopicPartition T0 = new TopicPartition("orders", 0);
  private static final TopicPartition T1 = new TopicPartition("orders", 1);

  @Test
  void lagAndActiveMembersAreProblemsNamingGroupAndPartition() {
    var sample =
        new DrainCheck.Sample(
            Map.of("billing", Map.of(T0, 0L, T1, 7L)),
            Map.of("billing", 2),
            Map.of(T0, 10L, T1, 17L));
    assertThat(DrainCheck.problems(sample))
        .containsExactlyInAnyOrder(
            "billing: 2 active members (consumers still running on the old cluster)",
            "billing: orders-1 lag 7");
  }

  @Test
  void aDrainedGroupHasNoProblems() {
    var sample =
        new DrainCheck.Sample(
            Map.of("billing", Map.of(T0, 0L)), Map.of("billing", 0), Map.of(T0, 10L));
    assertThat(DrainCheck.problems(sample)).isEmpty();
  }

  @Test
  void movingEndOffsetsMeanProducersAreStillWriting() {
    assertThat(DrainCheck.moved(Map.of(T0, 10L, T1, 5L), Map.of(T0, 12L, T1, 5L)))
        .containsExactly(
            "orders-0: end offset moved from 10 to 12 (producers are still writing to the old cluster)");
    assertThat(DrainCheck.moved(Map.of(T0, 10L), Map.of(T0, 10L))).isEmpty();
  }

  /** A clock that moves only when slept on, and remembers each sleep. */
  private static final class FakeClock implements DrainCheck.Clock {
    private long now = 1_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration d) {
      sleeps.add(d);
      now += d.toNanos();
    }
  }

  private static DrainCheck.Sample clean(long end) {
    return new DrainCheck.Sample(
        Map.of("billing", Map.of(T0, 0L)), Map.of("billing", 0), Map.of(T0, end));
  }

  /** Hands out the given samples in order, then clean ones; counts how many were taken. */
  private static final class Samples implements Supplier<DrainCheck.Sample> {
    private final Deque<DrainCheck.Sample> queue;
    int taken;

    Samples(DrainCheck.Sample... samples) {
      this.queue = new ArrayDeque<>(List.of(samples));
    }

    @Override
    public DrainCheck.Sample get() {
      taken++;
      return queue.isEmpty() ? clean(10) : queue.poll();
    }
  }

  @ParameterizedTest(name = "a window of {0} is sampled {1} times, {2} apart")
  @CsvSource({"PT10S, 5, PT2S", "PT60S, 12, PT5S", "PT25S, 5, PT5S", "PT0.000000004S, 1, PT0.1S"})
  void aDrainedSourceIsSampledEveryFifthOfTheWindowAtMostFiveSecondsApart(
      Duration window, int times, Duration step) throws InterruptedException {
    FakeClock clock = new FakeClock();
    Samples samples = new Samples();
    assertThat(DrainCheck.hold(clean(10), window, samples, clock)).isEmpty();
    assertThat(samples.taken).isEqualTo(times);
    assertThat(clock.sleeps).hasSize(times).containsOnly(step);
  }

  @Test
  void aZeroWindowIsOneLook() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Samples samples = new Samples();
    assertThat(DrainCheck.hold(clean(10), Duration.ZERO, samples, clock)).isEmpty();
    assertThat(samples.taken).isZero();
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void aProblemInTheFirstLookEndsTheCheckWithoutWaiting() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Samples samples = new Samples();
    var lagging =
        new DrainCheck.Sample(
            Map.of("billing", Map.of(T0, 3L)), Map.of("billing", 0), Map.of(T0, 10L));
    assertThat(DrainCheck.hold(lagging, Duration.ofSeconds(30), samples, clock))
        .containsExactly("billing: orders-0 lag 3");
    assertThat(samples.taken).isZero();
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void samplingStopsAtTheFirstSampleWhoseEndOffsetsMoved() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Samples samples = new Samples(clean(10), clean(11));
    assertThat(DrainCheck.hold(clean(10), Duration.ofSeconds(60), samples, clock))
        .containsExactly(
            "orders-0: end offset moved from 10 to 11 (producers are still writing to the old cluster)");
    assertThat(samples.taken).isEqualTo(2);
  }

  @Test
  void anInterruptedWaitEndsTheLoop() {
    DrainCheck.Clock interrupted =
        new DrainCheck.Clock() {
          @Override
          public long nanoTime() {
            return 0;
          }

          @Override
          public void sleep(Duration d) throws InterruptedException {
            throw new InterruptedException();
          }
        };
    Samples samples = new Samples();
    assertThatThrownBy(
            () -> DrainCheck.hold(clean(10), Duration.ofSeconds(10), samples, interrupted))
        .isInstanceOf(InterruptedException.class);
    assertThat(samples.taken).isZero();
  }
}

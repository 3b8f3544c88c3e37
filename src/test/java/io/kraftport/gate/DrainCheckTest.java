package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DrainCheckTest {
  private static final TopicPartition T0 = new TopicPartition("orders", 0);
  private static final TopicPartition T1 = new TopicPartition("orders", 1);

  @Test
  void lagAndActiveMembersAreProblemsNamingGroupAndPartition() {
    var sample = new DrainCheck.Sample(Map.of("billing", Map.of(T0, 0L, T1, 7L)), Map.of("billing", 2),
        Map.of(T0, 10L, T1, 17L));
    assertThat(DrainCheck.problems(sample)).containsExactlyInAnyOrder(
        "billing: 2 active members (consumers still running on the old cluster)",
        "billing: orders-1 lag 7");
  }

  @Test
  void aDrainedGroupHasNoProblems() {
    var sample = new DrainCheck.Sample(Map.of("billing", Map.of(T0, 0L)), Map.of("billing", 0), Map.of(T0, 10L));
    assertThat(DrainCheck.problems(sample)).isEmpty();
  }

  @Test
  void movingEndOffsetsMeanProducersAreStillWriting() {
    assertThat(DrainCheck.moved(Map.of(T0, 10L, T1, 5L), Map.of(T0, 12L, T1, 5L))).containsExactly(
        "orders-0: end offset moved from 10 to 12 (producers are still writing to the old cluster)");
    assertThat(DrainCheck.moved(Map.of(T0, 10L), Map.of(T0, 10L))).isEmpty();
  }
}

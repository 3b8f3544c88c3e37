package io.kraftport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.kafka.BrokerApiVersions.Range;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerApiVersionsTest {
  @Test
  void aKafka4BrokerRefusesProduceBelowV3ThoughItAdvertisesV0() {
    Map<String, Range> advertised =
        Map.of(
            "Produce", new Range(0, 12), "Fetch", new Range(4, 17), "JoinGroup", new Range(0, 9));
    assertThat(BrokerApiVersions.refusedThoughAdvertised(advertised))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Produce",
                new Range(3, 12),
                "Fetch",
                new Range(4, 17),
                "JoinGroup",
                new Range(0, 9)));
  }

  @Test
  void aKafka3BrokerIsTakenAtItsWord() {
    Map<String, Range> advertised = Map.of("Produce", new Range(0, 11), "Fetch", new Range(0, 16));
    assertThat(BrokerApiVersions.refusedThoughAdvertised(advertised)).isEqualTo(advertised);
  }
}

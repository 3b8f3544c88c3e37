package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.gate.ClientMinimums.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMinimumsTest {
  private final ClientMinimums table = ClientMinimums.standard();

  @ParameterizedTest
  @CsvSource({
    "apache-kafka-java, 2.0.1, UPGRADE",
    "apache-kafka-java, 2.1.0, READY",
    "apache-kafka-java, 4.1.2, READY",
    "apache-kafka-java, 0.10.2.2, UPGRADE",
    "confluent-kafka-go, 1.8.1, UPGRADE",
    "confluent-kafka-go, 1.8.2, READY",
    "librdkafka, 2.6.1, READY",
    "kafka-go, 0.4.47, UPGRADE",
    "kafka-go, v0.4.48, READY",
    "sarama, 1.30.0, UPGRADE",
    "kafkajs, 1.15.0, READY",
    "kafka-python, 2.0.1, UPGRADE",
    "unknown, unknown, UNKNOWN",
    "apache-kafka-java, unknown, UNKNOWN",
    "franz-go, 1.0.0, UNKNOWN",
  })
  void judgesByNameAndVersion(String name, String version, Verdict expected) {
    assertThat(table.judge(name, version).verdict()).isEqualTo(expected);
  }

  @Test
  void everyRowHasASourceAndAComparableMinimum() {
    assertThat(table.rows())
        .hasSize(6)
        .allSatisfy(
            r -> {
              assertThat(r.source()).isNotBlank();
              assertThat(ClientMinimums.numbers(r.minimum())).isPresent();
              assertThat(r.softwareNames()).isNotEmpty();
            });
  }
}

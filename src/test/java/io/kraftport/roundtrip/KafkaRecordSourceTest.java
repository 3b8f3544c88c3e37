package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.UnreachableException;
import io.kraftport.kafka.ClusterEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Reading a topic's tail through a consumer that never joins a group: what is read, where it stops,
 * what it asks.
 */
class KafkaRecordSourceTest {
  private static final ClusterEndpoint ENDPOINT =
      new ClusterEndpoint("source", "b:9092", Duration.ofSeconds(2));
  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

  private void twoPartitions(long p0End, long p1End) {
    Node node = new Node(0, "b", 9092);
    consumer.updatePartitions(
        "orders",
        List.of(
            new PartitionInfo("orders", 0, node, null, null),
            new PartitionInfo("orders", 1, node, null, null)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.updateEndOffsets(Map.of(P0, p0End, P1, p1End));
  }

  /**
   * Adds records at these offsets once the partitions are assigned, as a broker would hand them
   * out.
   */
  private void recordsOnFirstPoll(TopicPartition tp, long from, long to) {
    consumer.schedulePollTask(
        () -> {
          for (long offset = from; offset < to; offset++) {
            consumer.addRecord(
                new ConsumerRecord<>(
                    tp.topic(), tp.partition(), offset, null, Long.toString(offset).getBytes()));
          }
        });
  }

  @Test
  void readsTheLastNOfEachPartitionUpToTheEndOffsetsTakenAtTheStart() {
    twoPartitions(10, 2);
    // Offsets 10 and 11 were produced after the read began: left alone.
    recordsOnFirstPoll(P0, 7, 12);
    recordsOnFirstPoll(P1, 0, 2);
    List<String> read = new ArrayList<>();

    new KafkaRecordSource(consumer, ENDPOINT, Duration.ofSeconds(2))
        .readLast(
            "orders", 3, (partition, offset, key, value) -> read.add(partition + "@" + offset));

    assertThat(read).containsExactlyInAnyOrder("0@7", "0@8", "0@9", "1@0", "1@1");
    assertThat(consumer.assignment()).isEmpty();
    assertThat(consumer.committed(Set.of(P0, P1))).isEmpty();
  }

  @Test
  void emptyPartitionsAreNotAssignedAndAnEmptyTopicReadsNothing() {
    twoPartitions(0, 0);
    List<String> read = new ArrayList<>();

    new KafkaRecordSource(consumer, ENDPOINT, Duration.ofSeconds(2))
        .readLast(
            "orders", 50, (partition, offset, key, value) -> read.add(partition + "@" + offset));

    assertThat(read).isEmpty();
  }

  @Test
  void aPartitionThatNeverReachesItsEndOffsetTimesOutNamingTheCluster() {
    twoPartitions(5, 0);

    assertThatThrownBy(
            () ->
                new KafkaRecordSource(consumer, ENDPOINT, Duration.ofMillis(300))
                    .readLast("orders", 5, (partition, offset, key, value) -> {}))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("source cluster (b:9092)")
        .hasMessageContaining("topic orders")
        .hasMessageContaining("1 partitions not read to their end offsets");
  }
}

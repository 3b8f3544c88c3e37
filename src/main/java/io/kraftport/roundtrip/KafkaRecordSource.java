package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import io.kraftport.UnreachableException;
import io.kraftport.config.SideConfig;
import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.kafka.KafkaErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the tail of a live cluster's partitions with one {@link KafkaConsumer} that never joins a
 * group: partitions are assigned and sought, there is no {@code group.id}, and nothing is
 * committed. The side's Kafka properties are used as given (so SASL and TLS work), with those three
 * forced. Each read stops at the end offsets taken when it began, so records produced meanwhile are
 * left alone, and gives up after the timeout. Close it to release the consumer.
 */
public final class KafkaRecordSource implements RecordSource, AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final ClusterEndpoint endpoint;
  private final Duration timeout;

  /** Reads through the given consumer, which it closes; tests pass a {@code MockConsumer}. */
  KafkaRecordSource(Consumer<byte[], byte[]> consumer, ClusterEndpoint endpoint, Duration timeout) {
    this.consumer = consumer;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  /** A consumer for the side's cluster; {@code timeout} bounds each call and each topic's read. */
  public static KafkaRecordSource connect(SideConfig side, Duration timeout) {
    String bootstrap =
        side.bootstrapServers()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "no " + side.side() + " cluster given to read records from"));
    ClusterEndpoint endpoint = new ClusterEndpoint(side.side(), bootstrap, timeout);
    Properties props = side.kafkaProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "kraftport-probe-" + side.side());
    // Seeks are explicit; a reset only happens when retention removed the sought records meanwhile.
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ms));
    props.putIfAbsent(
        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(ms, 30_000)));
    props.putIfAbsent(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    try {
      return new KafkaRecordSource(
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
          endpoint,
          timeout);
    } catch (KafkaException e) {
      throw KafkaErrors.invalidClientConfig(endpoint, e);
    }
  }

  @Override
  public void readLast(String topic, int lastN, Sink sink) {
    String what = "read the last records of topic " + topic;
    try {
      read(topic, lastN, sink, what);
    } catch (KafkaException e) {
      throw KafkaErrors.translate(e, endpoint, what);
    } finally {
      consumer.unsubscribe();
    }
  }

  private void read(String topic, int lastN, Sink sink, String what) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    List<TopicPartition> partitions = new ArrayList<>();
    (infos == null ? List.<PartitionInfo>of() : infos)
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
    Map<TopicPartition, Long> remaining = new HashMap<>();
    for (TopicPartition tp : partitions) {
      long from = Math.max(begin.get(tp), end.get(tp) - lastN);
      if (from < end.get(tp)) {
        remaining.put(tp, from);
      }
    }
    consumer.assign(remaining.keySet());
    remaining.forEach(consumer::seek);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!remaining.isEmpty()) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (remaining.containsKey(tp) && r.offset() < end.get(tp)) {
          sink.accept(r.partition(), r.offset(), r.key(), r.value());
        }
      }
      // Positions pass the end offset even over transaction markers and compacted gaps, which bring
      // no record.
      List<TopicPartition> done =
          remaining.keySet().stream()
              .filter(tp -> consumer.position(tp, timeout) >= end.get(tp))
              .toList();
      if (!done.isEmpty()) {
        done.forEach(remaining::remove);
        consumer.pause(done);
      }
      if (!remaining.isEmpty() && System.nanoTime() > deadline) {
        throw new UnreachableException(
            endpoint
                + ": cannot "
                + what
                + ": "
                + remaining.size()
                + " partitions not read to their end offsets within "
                + timeout.toSeconds()
                + " s");
      }
    }
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}

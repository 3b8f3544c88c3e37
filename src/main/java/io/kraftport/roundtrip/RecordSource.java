package io.kraftport.roundtrip;

/**
 * Where a probe reads records from: the tail of each partition of a topic, up to the end offsets
 * taken when the read began, without joining a consumer group or committing anything. {@link
 * KafkaRecordSource} reads a live cluster; tests and benchmarks hand records from memory.
 */
public interface RecordSource {
  /**
   * Hands {@code sink} the last {@code lastN} records of every partition of {@code topic} (fewer
   * where a partition holds fewer), partition by partition in offset order or interleaved, then
   * returns.
   *
   * @throws io.kraftport.KraftportException if the cluster cannot be read
   */
  void readLast(String topic, int lastN, Sink sink);

  /**
   * Receives records as read; key and value may be null. The arrays are not copied: the sink must
   * not change them.
   */
  @FunctionalInterface
  interface Sink {
    void accept(int partition, long offset, byte[] key, byte[] value);
  }
}

package io.kraftport.local;

/** What the Kafka server JVMs have in common. */
final class KafkaNodes {
  private KafkaNodes() {}

  /**
   * A small heap with the serial collector and the C1 compiler only: about 150 MB resident per broker and a quicker
   * start on a machine with few cores. Needs {@code log.cleaner.dedupe.buffer.size} lowered to fit.
   */
  static String[] heapOptions() {
    return new String[] {"-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"};
  }
}

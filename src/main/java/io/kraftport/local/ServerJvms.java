package io.kraftport.local;

import java.nio.file.Path;
import java.time.Duration;

/** What the server JVMs have in common. */
final class ServerJvms {
  /** A training run writes its startup cache as it exits, which takes a while on a busy machine. */
  static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(120);

  private ServerJvms() {}

  /** Where the {@link StartupCache}s of an installation's servers live. */
  static Path startupCacheDir(Installation installation) {
    return installation.directory().resolve("startup-cache");
  }

  /**
   * A small heap with the serial collector and the C1 compiler only: about 150 MB resident per
   * broker and a quicker start on a machine with few cores. Needs {@code
   * log.cleaner.dedupe.buffer.size} lowered to fit.
   */
  /**
   * Small-heap options for the brokers: enough for tests and the demo. A benchmark with thousands
   * of partitions sets {@code kraftport.local.broker.heap} (e.g. {@code 1g}).
   */
  static String[] kafkaHeapOptions() {
    return new String[] {
      "-Xmx" + System.getProperty("kraftport.local.broker.heap", "160m"),
      "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1",
      "-Djava.awt.headless=true"
    };
  }
}

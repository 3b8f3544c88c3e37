package io.kraftport.local;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * One server kraftport runs locally in its own JVM: what it is called, the ports it holds and where
 * it keeps data.
 */
public interface LocalServer extends AutoCloseable {
  /** A short name for logs and messages, such as {@code kafka-3.9.2}. */
  String name();

  /** Every TCP port on 127.0.0.1 the server listens on. */
  List<Integer> ports();

  /** The JVM process the server runs in. */
  ManagedProcess process();

  /** The server's temporary data directory (log file included); deleted by {@link #close()}. */
  default Path dataDir() {
    return process().dataDir();
  }

  /** The server JVM's resident memory, where the OS tells. */
  default OptionalLong residentBytes() {
    return process().residentBytes();
  }

  /** Stops the server and deletes its data directory. Idempotent. */
  @Override
  default void close() {
    process().close();
  }
}

package io.kraftport.kafka;

import java.time.Duration;

/**
 * Which cluster a call goes to, for messages: its side name, bootstrap address and call timeout.
 */
public record ClusterEndpoint(String side, String bootstrapServers, Duration timeout) {
  @Override
  public String toString() {
    return side + " cluster (" + bootstrapServers + ")";
  }
}

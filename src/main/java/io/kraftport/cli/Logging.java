package io.kraftport.cli;

/**
 * Sets up slf4j-simple before the first logger is made: warnings only (Kafka's client at errors
 * only, since it logs every failed connection attempt), to stderr; everything at info with {@code
 * --verbose}.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", verbose ? "info" : "error");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

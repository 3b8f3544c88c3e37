package io.kraftport.registry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;

/**
 * A WireMock server loaded with the stubs under the project's top-level {@code mappings/} folder: a
 * Confluent registry at {@code /confluent} (the export source), an empty Confluent registry at
 * {@code /target}, and faults at {@code /faults/...}. Tests add their own stubs on top and call
 * {@link WireMockServer#resetToDefaultMappings()}.
 */
final class RegistryStubs {
  static {
    // Debug logging for the registry package, so tests see everything the client would ever log.
    System.setProperty("org.slf4j.simpleLogger.log.io.kraftport.registry", "debug");
  }

  private RegistryStubs() {}

  static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("."));
    server.start();
    return server;
  }

  static String url(WireMockServer server, String prefix) {
    return "http://localhost:" + server.port() + prefix;
  }

  /** A client with short timeouts and retry budget, so fault tests stay fast. */
  static RegistryClient client(WireMockServer server, String prefix) {
    return RegistryClient.create(settings(server, prefix));
  }

  static RegistrySettings settings(WireMockServer server, String prefix) {
    return RegistrySettings.of(url(server, prefix))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(5))
        .withRetryBudget(Duration.ofSeconds(3));
  }
}

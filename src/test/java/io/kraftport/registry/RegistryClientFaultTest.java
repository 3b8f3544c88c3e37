package io.kraftport.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.UnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryClientFaultTest {
  private static final String PASSWORD = "s3cr3t-pa55";
  private static final String TOKEN = "tok-abcdef-123456";
  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = RegistryStubs.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @AfterEach
  void reset() {
    server.resetToDefaultMappings();
    server.resetRequests();
    server.resetScenarios();
  }

  @Test
  void retriesA5xxUntilItPasses() {
    try (RegistryClient client = RegistryStubs.client(server, "/faults/flaky")) {
      assertThat(client.subjects(false)).containsExactly("orders-value");
    }
    server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/faults/flaky/subjects")));
  }

  @Test
  void honoursRetryAfterOn429() {
    long started = System.nanoTime();
    try (RegistryClient client = RegistryStubs.client(server, "/faults/429")) {
      assertThat(client.subjects(false)).containsExactly("orders-value");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/faults/429/subjects")));
  }

  @Test
  void givesUpOnA5xxWhenTheBudgetIsSpent() {
    RegistrySettings settings =
        RegistryStubs.settings(server, "/faults/500").withRetryBudget(Duration.ofSeconds(1));
    try (RegistryClient client = RegistryClient.create(settings)) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001))
          .hasMessageContaining("HTTP 500");
    }
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/faults/500/subjects"))))
        .hasSizeGreaterThan(1);
  }

  @Test
  void neverRetriesA4xx() {
    try (RegistryClient client = RegistryStubs.client(server, "/faults/422")) {
      assertThatThrownBy(
              () ->
                  client.register(
                      "bad-value", new RegisterRequest("{", null, null, null, null, null, null)))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.is(RegistryException.INVALID_SCHEMA)).isTrue());
    }
    server.verify(
        exactly(1), postRequestedFor(urlPathEqualTo("/faults/422/subjects/bad-value/versions")));
  }

  @Test
  void slowResponsesTimeOutAsUnreachable() {
    RegistrySettings settings =
        RegistryStubs.settings(server, "/faults/slow").withRetryBudget(Duration.ofMillis(800));
    try (RegistryClient client = RegistryClient.create(settings)) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("timed out")
          .hasMessageContaining(RegistryStubs.url(server, "/faults/slow"));
    }
  }

  @Test
  void connectionResetIsRetriedThenUnreachable() {
    RegistrySettings settings =
        RegistryStubs.settings(server, "/faults/reset").withRetryBudget(Duration.ofSeconds(5));
    try (RegistryClient client = RegistryClient.create(settings)) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("GET /subjects");
    }
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/faults/reset/subjects"))))
        .hasSizeGreaterThan(1);
  }

  @Test
  void basicAuthFailureNamesTheUrlButNoSecret() {
    Properties props = new Properties();
    props.setProperty("schema.registry.url", RegistryStubs.url(server, "/faults/auth"));
    props.setProperty("basic.auth.credentials.source", "USER_INFO");
    props.setProperty("basic.auth.user.info", "alice:" + PASSWORD);
    RegistrySettings settings = RegistrySettings.fromProperties(props);
    assertThat(settings.toString()).doesNotContain(PASSWORD).contains("alice");
    try (LogCapture logs = new LogCapture();
        RegistryClient client = RegistryClient.create(settings)) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining(RegistryStubs.url(server, "/faults/auth"))
          .hasMessageNotContaining(PASSWORD);
      assertThat(logs.text())
          .contains("/subjects")
          .doesNotContain(PASSWORD)
          .doesNotContain(Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes()));
    }
    String basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes());
    server.verify(
        exactly(1),
        getRequestedFor(urlPathEqualTo("/faults/auth/subjects"))
            .withHeader("Authorization", equalTo(basic)));
  }

  @Test
  void credentialsInTheUrlAreSentButNeverShown() {
    String url = "http://bob:" + PASSWORD + "@localhost:" + server.port() + "/faults/forbidden";
    Properties props = new Properties();
    props.setProperty("schema.registry.url", url);
    props.setProperty("basic.auth.credentials.source", "URL");
    RegistrySettings settings = RegistrySettings.fromProperties(props);
    assertThat(settings.url()).isEqualTo(RegistryStubs.url(server, "/faults/forbidden"));
    try (LogCapture logs = new LogCapture();
        RegistryClient client = RegistryClient.create(settings)) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("HTTP 403")
          .hasMessageNotContaining(PASSWORD)
          .hasMessageNotContaining("bob:");
      assertThat(logs.text()).doesNotContain(PASSWORD);
    }
    server.verify(
        getRequestedFor(urlPathEqualTo("/faults/forbidden/subjects"))
            .withHeader(
                "Authorization",
                equalTo(
                    "Basic "
                        + Base64.getEncoder().encodeToString(("bob:" + PASSWORD).getBytes()))));
  }

  @Test
  void bearerTokenIsSentButNeverShown() {
    Properties props = new Properties();
    props.setProperty("schema.registry.url", RegistryStubs.url(server, "/faults/auth"));
    props.setProperty("bearer.auth.credentials.source", "STATIC_TOKEN");
    props.setProperty("bearer.auth.token", TOKEN);
    RegistrySettings settings = RegistrySettings.fromProperties(props);
    assertThat(settings.toString()).doesNotContain(TOKEN);
    try (LogCapture logs = new LogCapture();
        RegistryClient client = RegistryClient.create(settings)) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOf(UnreachableException.class)
          .hasMessageNotContaining(TOKEN);
      assertThat(logs.text()).doesNotContain(TOKEN);
    }
    server.verify(
        getRequestedFor(urlPathEqualTo("/faults/auth/subjects"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void boundsTheRequestsInFlight() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/faults/busy/subjects"))
            .willReturn(aResponse().withStatus(200).withBody("[]").withFixedDelay(300)));
    RegistrySettings settings = RegistryStubs.settings(server, "/faults/busy").withConcurrency(2);
    ExecutorService callers = Executors.newFixedThreadPool(6);
    long started = System.nanoTime();
    try (RegistryClient client = RegistryClient.create(settings)) {
      List<Future<List<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(callers.submit(() -> client.subjects(false)));
      }
      for (Future<List<String>> f : calls) {
        assertThat(f.get()).isEmpty();
      }
    } finally {
      callers.shutdownNow();
    }
    // Six calls of 300 ms, two at a time: at least three rounds.
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(880));
  }
}

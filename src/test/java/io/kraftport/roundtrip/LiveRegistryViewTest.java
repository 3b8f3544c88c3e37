package io.kraftport.roundtrip;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.InvalidInputException;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.schema.ResolvedSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live registry's references (WireMock): each is read as the subject version it names,
 * soft-deleted ones included, once; one the registry does not have fails naming it and the
 * registry.
 */
class LiveRegistryViewTest {
  static {
    // As in ContextLookupTest: the registry package logs at debug level in tests (see
    // RegistryStubs); a test that
    // creates the client's logger first must set it too, or the log-capturing registry tests later
    // see nothing.
    System.setProperty("org.slf4j.simpleLogger.log.io.kraftport.registry", "debug");
  }

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    server.stubFor(
        get(urlPathEqualTo("/schemas/ids/1"))
            .willReturn(
                okJson(
                    "{\"schemaType\":\"PROTOBUF\","
                        + "\"schema\":\"order\",\"references\":[{\"name\":\"money.proto\",\"subject\":\"money\",\"version\":2}]}")));
    server.stubFor(
        get(urlPathEqualTo("/schemas/ids/2"))
            .willReturn(
                okJson(
                    "{\"schemaType\":\"PROTOBUF\","
                        + "\"schema\":\"other\",\"references\":[{\"name\":\"money.proto\",\"subject\":\"money\",\"version\":2}]}")));
    server.stubFor(
        get(urlPathEqualTo("/subjects/money/versions/2"))
            .withQueryParam("deleted", equalTo("true"))
            .willReturn(
                okJson(
                    "{\"subject\":\"money\",\"version\":2,\"id\":7,\"schemaType\":\"PROTOBUF\","
                        + "\"schema\":\"money\"}")));
    server.stubFor(
        get(urlPathEqualTo("/schemas/ids/3"))
            .willReturn(
                okJson(
                    "{\"schemaType\":\"PROTOBUF\","
                        + "\"schema\":\"lost\",\"references\":[{\"name\":\"gone.proto\",\"subject\":\"gone\",\"version\":1}]}")));
    server.stubFor(
        get(urlPathEqualTo("/subjects/gone/versions/1"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error_code\":40402,\"message\":\"Version 1 not found.\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private RegistryClient client() {
    return RegistryClient.create(
        RegistrySettings.of("http://localhost:" + server.port()).withSide("target"));
  }

  @Test
  void resolvesAReferenceAsTheVersionItNamesAskingOnce() {
    try (RegistryClient client = client()) {
      LiveRegistryView view = new LiveRegistryView(client);
      ResolvedSchema order = view.findSchema(".", 1).orElseThrow();
      ResolvedSchema other = view.findSchema(".", 2).orElseThrow();
      assertThat(order.type()).isEqualTo("PROTOBUF");
      assertThat(order.references().get("money.proto").schema()).isEqualTo("money");
      assertThat(other.references().get("money.proto").schema()).isEqualTo("money");
    }
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/subjects/money/versions/2"))
            .withQueryParam("deleted", equalTo("true")));
  }

  @Test
  void aReferenceTheRegistryDoesNotHaveFailsNamingIt() {
    try (RegistryClient client = client()) {
      LiveRegistryView view = new LiveRegistryView(client);
      assertThatThrownBy(() -> view.findSchema(".", 3))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("reference gone.proto to gone/1 cannot be found on " + client.url());
    }
  }
}

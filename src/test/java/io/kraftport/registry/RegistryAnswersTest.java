package io.kraftport.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client reads answers that differ between Confluent and Apicurio (WireMock): the versions
 * of an Apicurio subject whose versions are all soft-deleted, Apicurio's compatibility rules,
 * lookups by id in a context, and what an unexpected error answer says.
 */
class RegistryAnswersTest {
  private static final String CCOMPAT = "/apis/ccompat/v7";
  private static final String NATIVE = "/apis/registry/v3/groups/default/artifacts/";
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = RegistryStubs.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private RegistryClient client(String prefix, String side) {
    return RegistryClient.create(RegistryStubs.settings(server, prefix).withSide(side));
  }

  private void subjectNotFound(String path) {
    server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"Subject 'gone-value' not found.\",\"error_code\":40401}")));
  }

  @Test
  void anUnexpectedErrorAnswerNamesTheSideTheRequestAndTheAnswerNotUnreachable() {
    subjectNotFound("/plain/subjects/gone-value/versions/1");
    try (RegistryClient client = client("/plain", "target")) {
      assertThatThrownBy(() -> client.version("gone-value", 1, true))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("target schema registry " + RegistryStubs.url(server, "/plain"))
          .hasMessageContaining("GET /subjects/gone-value/versions/1?deleted=true")
          .hasMessageContaining("HTTP 404")
          .hasMessageContaining("error 40401")
          .hasMessageContaining("Subject 'gone-value' not found.")
          .message()
          .doesNotContain("unreachable");
    }
  }

  @Test
  void aVersionOfAnApicurioSubjectWhoseVersionsAreAllSoftDeletedIsReadThroughItsOwnApi() {
    subjectNotFound(CCOMPAT + "/subjects/gone-value/versions/2");
    server.stubFor(
        get(urlPathEqualTo(NATIVE + "gone-value/versions/2"))
            .willReturn(
                okJson(
                    "{\"version\":\"2\",\"globalId\":9,\"contentId\":5,\"artifactType\":\"AVRO\",\"state\":\"DISABLED\","
                        + "\"artifactId\":\"gone-value\"}")));
    server.stubFor(
        get(urlPathEqualTo(CCOMPAT + "/schemas/ids/5"))
            .willReturn(okJson("{\"schema\":\"\\\"double\\\"\"}")));
    try (RegistryClient client = client(CCOMPAT, "source")) {
      SchemaEntry e = client.version("gone-value", 2, true);
      assertThat(e)
          .isEqualTo(new SchemaEntry("gone-value", 2, 5, "AVRO", "\"double\"", null, null, null));
    }
    server.verify(
        getRequestedFor(urlPathEqualTo(CCOMPAT + "/subjects/gone-value/versions/2"))
            .withQueryParam("deleted", equalTo("true")));
  }

  @Test
  void withoutDeletedAnApicurioSubjectNotFoundStaysNotFound() {
    subjectNotFound(CCOMPAT + "/subjects/gone-value/versions/1");
    try (RegistryClient client = client(CCOMPAT, "source")) {
      assertThatThrownBy(() -> client.version("gone-value", 1, false))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("source schema registry");
    }
    server.verify(0, getRequestedFor(urlPathEqualTo(NATIVE + "gone-value/versions/1")));
  }

  @Test
  void apicurioCompatibilityIsItsRuleAndRemovingItDeletesTheRule() {
    server.stubFor(
        get(urlPathEqualTo(NATIVE + ":.ctx:a%2Fb/rules"))
            .willReturn(okJson("[\"COMPATIBILITY\"]")));
    server.stubFor(
        get(urlPathEqualTo(NATIVE + ":.ctx:a%2Fb/rules/COMPATIBILITY"))
            .willReturn(okJson("{\"config\":\"NONE\",\"ruleType\":\"COMPATIBILITY\"}")));
    server.stubFor(get(urlPathEqualTo(NATIVE + "plain/rules")).willReturn(okJson("[]")));
    server.stubFor(
        delete(urlPathEqualTo(NATIVE + "plain/rules/COMPATIBILITY"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"status\":404,\"name\":\"RuleNotFoundException\"}")));
    try (RegistryClient client = client(CCOMPAT, "target")) {
      assertThat(client.subjectCompatibility(":.ctx:a/b")).contains("NONE");
      assertThat(client.subjectCompatibility("plain")).isEmpty();
      client.deleteSubjectCompatibility("plain");
    }
    server.verify(deleteRequestedFor(urlPathEqualTo(NATIVE + "plain/rules/COMPATIBILITY")));
    server.verify(0, getRequestedFor(urlPathEqualTo(CCOMPAT + "/config/plain")));
  }

  @Test
  void aLookupByIdOutsideTheDefaultContextNamesTheContext() {
    server.stubFor(
        get(urlPathEqualTo("/plain/schemas/ids/3"))
            .withQueryParam("subject", equalTo(":.ctx1:"))
            .willReturn(okJson("{\"schema\":\"\\\"long\\\"\"}")));
    try (RegistryClient client = client("/plain", "target")) {
      assertThat(client.schemaById(".ctx1", 3).schema()).isEqualTo("\"long\"");
    }
    server.verify(
        getRequestedFor(urlPathEqualTo("/plain/schemas/ids/3"))
            .withQueryParam("subject", equalTo(":.ctx1:")));
  }
}

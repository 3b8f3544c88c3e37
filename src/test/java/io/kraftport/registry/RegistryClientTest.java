package io.kraftport.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryClientTest {
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
  void baseUrlMayCarryAPath() {
    try (RegistryClient client = RegistryStubs.client(server, "/confluent/")) {
      assertThat(client.subjects(true))
          .containsExactly(
              "customer-value", "legacy-value", "order-value", "payment-value", "shared-value");
      assertThat(client.subjects(false)).doesNotContain("legacy-value");
    }
    server.verify(getRequestedFor(urlEqualTo("/confluent/subjects?deleted=true")));
    server.verify(getRequestedFor(urlEqualTo("/confluent/subjects")));
  }

  @Test
  void anApicurioListingCutAtItsDefaultCapIsRefusedNotTruncated() {
    java.util.List<String> capped =
        java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "s" + i).toList();
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/apis/ccompat/v7/subjects"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(json(capped))));
    try (RegistryClient client = RegistryStubs.client(server, "/apis/ccompat/v7")) {
      assertThatThrownBy(() -> client.subjects(false))
          .isInstanceOf(io.kraftport.UnreachableException.class)
          .hasMessageContaining("apicurio.ccompat.max-subjects");
    } finally {
      server.resetToDefaultMappings();
    }
  }

  @Test
  void aConfluentListingOfAThousandSubjectsIsWhole() {
    java.util.List<String> all =
        java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "s" + i).toList();
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/big/subjects"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(json(all))));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/big/v1/metadata/id"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"scope\":{}}")));
    try (RegistryClient client = RegistryStubs.client(server, "/big")) {
      assertThat(client.subjects(false)).hasSize(1000);
    } finally {
      server.resetToDefaultMappings();
    }
  }

  private static String json(java.util.List<String> names) {
    return "[" + String.join(",", names.stream().map(n -> "\"" + n + "\"").toList()) + "]";
  }

  @Test
  void readsVersionsWithReferencesAndTypes() {
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      SchemaEntry order = client.version("order-value", 1, true);
      assertThat(order.id()).isEqualTo(3);
      assertThat(order.schemaType()).isEqualTo("AVRO");
      assertThat(order.references())
          .containsExactly(new SchemaReference("com.acme.Customer", "customer-value", 2));
      assertThat(client.version("payment-value", 2, true).schemaType()).isEqualTo("PROTOBUF");
      assertThat(client.versions("payment-value", true)).containsExactly(1, 2, 3);
      assertThat(client.versions("payment-value", false)).containsExactly(1, 3);
      assertThat(client.versions("legacy-value", false)).isEmpty();
      assertThat(client.schemas(true, 0, 100)).hasSize(8);
      assertThat(client.schemaById(Contexts.DEFAULT, 5).schemaType()).isEqualTo("PROTOBUF");
      assertThat(client.contexts()).containsExactly(".");
    }
  }

  @Test
  void subjectOverridesAreOptionalWhereTheyInherit() {
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      assertThat(client.globalCompatibility()).isEqualTo("BACKWARD");
      assertThat(client.globalMode()).isEqualTo("READWRITE");
      assertThat(client.subjectCompatibility("order-value")).contains("FULL");
      assertThat(client.subjectCompatibility("customer-value")).isEmpty();
      assertThat(client.subjectMode("payment-value")).contains("READONLY");
      assertThat(client.subjectMode("customer-value")).isEmpty();
    }
  }

  @Test
  void errorCodesBecomeTypedExceptions() {
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      assertThatThrownBy(() -> client.schemaById(Contexts.DEFAULT, 999))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.isSchemaNotFound()).isTrue();
                assertThat(e.httpStatus()).isEqualTo(404);
                assertThat(e.errorCode()).isEqualTo(40403);
              })
          .hasMessageContaining(RegistryStubs.url(server, "/confluent"))
          .hasMessageContaining("GET /schemas/ids/999")
          .hasMessageContaining("40403");
    }
  }

  @Test
  void detectsTheFlavourInOnePlace() {
    try (RegistryClient confluent = RegistryStubs.client(server, "/confluent");
        RegistryClient ccompat = RegistryStubs.client(server, "/apis/ccompat/v7");
        RegistryClient other = RegistryStubs.client(server, "/elsewhere")) {
      assertThat(confluent.flavor()).isEqualTo(RegistryFlavor.CONFLUENT);
      assertThat(ccompat.flavor()).isEqualTo(RegistryFlavor.APICURIO);
      assertThat(other.flavor()).isEqualTo(RegistryFlavor.OTHER);
      server.stubFor(
          get("/apis/registry/v3/system/info")
              .willReturn(okJson("{\"name\":\"Apicurio Registry (SQL)\",\"version\":\"3.3.3\"}")));
    }
    try (RegistryClient apicurioRoot = RegistryStubs.client(server, "/")) {
      assertThat(apicurioRoot.flavor()).isEqualTo(RegistryFlavor.APICURIO);
    }
  }

  @Test
  void registersWithExplicitIdAndVersion() {
    try (RegistryClient client = RegistryStubs.client(server, "/target")) {
      int id =
          client.register(
              "payment-value",
              new RegisterRequest(
                  "syntax = \"proto3\";",
                  "PROTOBUF",
                  List.of(new SchemaReference("common.proto", "common-value", 1)),
                  null,
                  null,
                  7,
                  3));
      assertThat(id).isEqualTo(7);
      client.setSubjectMode("payment-value", "IMPORT", true);
    }
    server.verify(
        postRequestedFor(urlEqualTo("/target/subjects/payment-value/versions"))
            .withHeader("Content-Type", equalTo("application/vnd.schemaregistry.v1+json"))
            .withRequestBody(
                equalToJson(
                    "{\"version\":3,\"id\":7,\"schemaType\":\"PROTOBUF\",\"references\":"
                        + "[{\"name\":\"common.proto\",\"subject\":\"common-value\",\"version\":1}],"
                        + "\"schema\":\"syntax = \\\"proto3\\\";\"}")));
    server.verify(
        putRequestedFor(urlEqualTo("/target/mode/payment-value?force=true"))
            .withRequestBody(equalToJson("{\"mode\":\"IMPORT\"}")));
  }

  @Test
  void subjectNamesAreEncodedInThePath() {
    server.stubFor(
        get(urlPathEqualTo("/target/subjects/a%2Fb%20c/versions")).willReturn(okJson("[1]")));
    try (RegistryClient client = RegistryStubs.client(server, "/target")) {
      assertThat(client.versions("a/b c", false)).containsExactly(1);
    }
  }

  @Test
  void lookupAndCompatibilityCheck() {
    server.stubFor(
        post(urlPathEqualTo("/target/subjects/known-value"))
            .willReturn(
                okJson(
                    "{\"subject\":\"known-value\",\"version\":2,\"id\":12,\"schema\":\"\\\"string\\\"\"}")));
    server.stubFor(
        post(urlPathEqualTo("/target/subjects/other-value"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"error_code\":40403,\"message\":\"Schema not found\"}")));
    server.stubFor(
        post(urlPathEqualTo("/target/compatibility/subjects/known-value/versions/latest"))
            .willReturn(
                okJson(
                    "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE\"]}")));
    try (RegistryClient client = RegistryStubs.client(server, "/target")) {
      RegisterRequest schema = new RegisterRequest("\"string\"", null, null, null, null, 12, 2);
      Optional<SchemaEntry> found = client.lookup("known-value", schema, true);
      assertThat(found).get().extracting(SchemaEntry::id).isEqualTo(12);
      assertThat(client.lookup("other-value", schema, false)).isEmpty();
      RegistryClient.CompatibilityResult check = client.checkCompatibility("known-value", schema);
      assertThat(check.compatible()).isFalse();
      assertThat(check.messages()).containsExactly("READER_FIELD_MISSING_DEFAULT_VALUE");
    }
    // A lookup never sends the id or version: only what identifies the content.
    server.verify(
        postRequestedFor(urlEqualTo("/target/subjects/known-value?deleted=true"))
            .withRequestBody(equalToJson("{\"schema\":\"\\\"string\\\"\"}")));
  }
}

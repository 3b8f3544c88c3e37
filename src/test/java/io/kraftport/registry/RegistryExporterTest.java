package io.kraftport.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryExporterTest {
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
  }

  private static RegistrySnapshot export(ExportOptions options) {
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      return new RegistryExporter(client).export(options);
    }
  }

  @Test
  void exportsEverySubjectAndVersionWithOverridesOnlyWhereSet() {
    RegistrySnapshot snapshot = export(ExportOptions.ALL);

    assertThat(snapshot.flavor()).isEqualTo("confluent");
    assertThat(snapshot.globalCompatibility()).isEqualTo("BACKWARD");
    assertThat(snapshot.globalMode()).isEqualTo("READWRITE");
    assertThat(snapshot.subjectOverridesKnown()).isTrue();
    assertThat(snapshot.contexts()).containsExactly(".");
    assertThat(snapshot.subjects())
        .extracting(SubjectSnapshot::name)
        .containsExactly(
            "customer-value", "legacy-value", "order-value", "payment-value", "shared-value");

    SubjectSnapshot legacy = snapshot.findSubject("legacy-value").orElseThrow();
    assertThat(legacy.deleted()).isTrue();
    assertThat(legacy.versions())
        .singleElement()
        .extracting(SchemaVersion::deleted)
        .isEqualTo(true);

    SubjectSnapshot payment = snapshot.findSubject("payment-value").orElseThrow();
    assertThat(payment.deleted()).isFalse();
    assertThat(payment.mode()).isEqualTo("READONLY");
    assertThat(payment.compatibility()).isNull();
    assertThat(payment.versions())
        .extracting(
            SchemaVersion::version,
            SchemaVersion::id,
            SchemaVersion::deleted,
            SchemaVersion::schemaType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 5, false, "PROTOBUF"),
            org.assertj.core.groups.Tuple.tuple(2, 6, true, "PROTOBUF"),
            org.assertj.core.groups.Tuple.tuple(3, 7, false, "PROTOBUF"));

    SubjectSnapshot order = snapshot.findSubject("order-value").orElseThrow();
    assertThat(order.compatibility()).isEqualTo("FULL");
    assertThat(order.mode()).isNull();
    assertThat(order.versions().get(0).references())
        .containsExactly(new SchemaReference("com.acme.Customer", "customer-value", 2));
    assertThat(order.versions().get(0).schemaType()).isEqualTo("AVRO");

    // Shared ids stay shared.
    assertThat(snapshot.findSubject("shared-value").orElseThrow().versions().get(0).id())
        .isEqualTo(1);
  }

  @Test
  void usesTheListingInsteadOfOneCallPerVersion() {
    export(ExportOptions.ALL);
    server.verify(
        getRequestedFor(urlPathEqualTo("/confluent/schemas"))
            .withQueryParam("deleted", equalTo("true")));
    assertThat(
            server.findAll(
                getRequestedFor(urlPathMatching("/confluent/subjects/.+/versions/[0-9]+"))))
        .isEmpty();
  }

  @Test
  void fallsBackToPerVersionCallsWithoutAListing() {
    RegistrySnapshot withListing = export(ExportOptions.ALL);
    server.resetRequests();
    server.stubFor(
        get(urlPathEqualTo("/confluent/schemas"))
            .atPriority(0)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}")));

    RegistrySnapshot withoutListing = export(ExportOptions.ALL);

    assertThat(withoutListing).isEqualTo(withListing);
    assertThat(
            server.findAll(
                getRequestedFor(urlPathMatching("/confluent/subjects/.+/versions/[0-9]+"))))
        .hasSize(8);
  }

  @Test
  void readsTheListingPageByPage() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode all =
        mapper
            .readTree(new java.io.File("mappings/confluent/schemas-deleted.json"))
            .path("response")
            .path("jsonBody");
    List<JsonNode> entries = new ArrayList<>();
    all.forEach(entries::add);
    for (int offset = 0; offset < entries.size(); offset += 3) {
      String page =
          mapper.writeValueAsString(entries.subList(offset, Math.min(entries.size(), offset + 3)));
      server.stubFor(
          get(urlPathEqualTo("/confluent/schemas"))
              .atPriority(0)
              .withQueryParam("offset", equalTo(Integer.toString(offset)))
              .withQueryParam("limit", equalTo("3"))
              .willReturn(okJson(page)));
    }

    RegistrySnapshot paged = export(ExportOptions.ALL.withPageSize(3));

    assertThat(paged).isEqualTo(export(ExportOptions.ALL));
    assertThat(
            server.findAll(
                getRequestedFor(urlPathEqualTo("/confluent/schemas"))
                    .withQueryParam("limit", equalTo("3"))))
        .hasSize(3);
  }

  @Test
  void filtersSubjectsByRegularExpressions() {
    RegistrySnapshot snapshot =
        export(ExportOptions.filtered(".*-value", "legacy-.*|shared-value"));
    assertThat(snapshot.subjects())
        .extracting(SubjectSnapshot::name)
        .containsExactly("customer-value", "order-value", "payment-value");
  }

  @Test
  void twoExportsAreByteIdentical() throws Exception {
    ObjectMapper mapper = SnapshotCodec.mapper();
    assertThat(mapper.writeValueAsString(export(ExportOptions.ALL.withParallelism(1))))
        .isEqualTo(mapper.writeValueAsString(export(ExportOptions.ALL.withParallelism(4))));
  }

  /**
   * Apicurio's Confluent API answers NONE for a NONE override and for none alike; its rules API
   * tells them apart, so compatibility overrides are known there. Its modes fall back to the global
   * one and stay as answered.
   */
  @Test
  void apicurioCompatibilityOverridesComeFromItsRulesApiAndModesStayAsAnswered() {
    String p = "/apis/ccompat/v7";
    String rules = "/apis/registry/v3/groups/default/artifacts/";
    server.stubFor(get(p + "/config").willReturn(okJson("{\"compatibilityLevel\":\"BACKWARD\"}")));
    server.stubFor(get(p + "/mode").willReturn(okJson("{\"mode\":\"READWRITE\"}")));
    server.stubFor(
        get(urlPathEqualTo(p + "/subjects")).willReturn(okJson("[\"a-value\",\"b-value\"]")));
    server.stubFor(get(urlPathEqualTo(p + "/subjects/a-value/versions")).willReturn(okJson("[1]")));
    server.stubFor(get(urlPathEqualTo(p + "/subjects/b-value/versions")).willReturn(okJson("[1]")));
    server.stubFor(
        get(urlPathEqualTo(p + "/schemas"))
            .willReturn(
                okJson(
                    "[{\"subject\":\"a-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"},"
                        + "{\"subject\":\"b-value\",\"version\":1,\"id\":2,\"schema\":\"\\\"int\\\"\"}]")));
    server.stubFor(
        get(p + "/config/a-value").willReturn(okJson("{\"compatibilityLevel\":\"NONE\"}")));
    server.stubFor(
        get(p + "/config/b-value").willReturn(okJson("{\"compatibilityLevel\":\"NONE\"}")));
    server.stubFor(get(p + "/mode/a-value").willReturn(okJson("{\"mode\":\"READWRITE\"}")));
    server.stubFor(get(p + "/mode/b-value").willReturn(okJson("{\"mode\":\"READWRITE\"}")));
    server.stubFor(get(rules + "a-value/rules").willReturn(okJson("[]")));
    server.stubFor(get(rules + "b-value/rules").willReturn(okJson("[\"COMPATIBILITY\"]")));
    server.stubFor(
        get(rules + "b-value/rules/COMPATIBILITY")
            .willReturn(okJson("{\"config\":\"NONE\",\"ruleType\":\"COMPATIBILITY\"}")));
    RegistrySnapshot snapshot;
    try (RegistryClient client = RegistryStubs.client(server, p)) {
      snapshot = new RegistryExporter(client).export(ExportOptions.ALL);
    }
    assertThat(snapshot.flavor()).isEqualTo("apicurio");
    assertThat(snapshot.subjectOverridesKnown()).isFalse();
    assertThat(snapshot.compatibilityOverridesKnown()).isTrue();
    assertThat(snapshot.contexts()).isEmpty();
    assertThat(snapshot.findSubject("a-value").orElseThrow().compatibility())
        .as("no rule: inherits")
        .isNull();
    assertThat(snapshot.findSubject("b-value").orElseThrow().compatibility())
        .as("an explicit NONE rule")
        .isEqualTo("NONE");
    assertThat(snapshot.subjects()).allSatisfy(s -> assertThat(s.mode()).isEqualTo("READWRITE"));
    server.verify(0, getRequestedFor(urlPathEqualTo(p + "/config/a-value")));
  }
}

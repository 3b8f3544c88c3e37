package io.kraftport.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.kraftport.InvalidInputException;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.ImportStep;
import io.kraftport.snapshot.RegistrySnapshot;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports the modelled Confluent registry at /confluent into WireMock targets and checks the
 * requests sent.
 */
class RegistryImporterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static WireMockServer server;
  private static RegistrySnapshot source;

  @BeforeAll
  static void start() {
    server = RegistryStubs.start();
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      source = new RegistryExporter(client).export(ExportOptions.ALL);
    }
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

  private static ImportResult importInto(String prefix, ImportOptions options) {
    try (RegistryClient client = RegistryStubs.client(server, prefix)) {
      return new RegistryImporter(client, new TestCanon()).run(source, options);
    }
  }

  /** The requests that change something, oldest first, as "METHOD path body". */
  private static List<String> writes() {
    // WireMock lists the newest event first and stamps requests to the millisecond: reverse, then
    // sort stably, so
    // two requests of the same millisecond keep the order they came in.
    List<ServeEvent> events = new java.util.ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream()
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(ServeEvent::getRequest)
        .filter(r -> !r.getMethod().getName().equals("GET"))
        .filter(
            r ->
                !r.getUrl().matches(".*/subjects/[^/]+(\\?.*)?")
                    || !r.getMethod().getName().equals("POST"))
        .map(
            r ->
                r.getMethod().getName()
                    + " "
                    + r.getUrl()
                    + (r.getBodyAsString().isEmpty() ? "" : " " + compact(r.getBodyAsString())))
        .toList();
  }

  private static String compact(String json) {
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n.has("schema")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("schema");
      }
      return n.toString();
    } catch (Exception e) {
      return json;
    }
  }

  @Test
  void importsIntoAnEmptyConfluentRegistryKeepingIdsAndVersions() {
    ImportResult result = importInto("/target", ImportOptions.DEFAULT);

    assertThat(result.status()).isEqualTo(ImportResult.Status.APPLIED);
    assertThat(result.plan().strategy()).isEqualTo(ImportPlan.Strategy.IMPORT_MODE_GLOBAL);
    assertThat(result.idChanges()).isEmpty();
    assertThat(writes())
        .containsExactly(
            "PUT /target/mode {\"mode\":\"IMPORT\"}",
            "POST /target/subjects/customer-value/versions {\"version\":1,\"id\":1}",
            "POST /target/subjects/customer-value/versions {\"version\":2,\"id\":2}",
            "POST /target/subjects/legacy-value/versions {\"version\":1,\"id\":4}",
            "POST /target/subjects/order-value/versions {\"version\":1,\"id\":3,\"references\":"
                + "[{\"name\":\"com.acme.Customer\",\"subject\":\"customer-value\",\"version\":2}]}",
            "POST /target/subjects/payment-value/versions {\"version\":1,\"id\":5,\"schemaType\":\"PROTOBUF\"}",
            "POST /target/subjects/payment-value/versions {\"version\":2,\"id\":6,\"schemaType\":\"PROTOBUF\"}",
            "POST /target/subjects/payment-value/versions {\"version\":3,\"id\":7,\"schemaType\":\"PROTOBUF\"}",
            "POST /target/subjects/shared-value/versions {\"version\":1,\"id\":1}",
            "DELETE /target/subjects/payment-value/versions/2",
            "DELETE /target/subjects/legacy-value/versions/1",
            "PUT /target/config/order-value {\"compatibility\":\"FULL\"}",
            "PUT /target/mode {\"mode\":\"READWRITE\"}",
            "PUT /target/mode/payment-value {\"mode\":\"READONLY\"}");
  }

  @Test
  void aPreparedPlanIsAppliedWithoutExportingTheTargetAgain() {
    try (RegistryClient client = RegistryStubs.client(server, "/target")) {
      RegistryImporter importer = new RegistryImporter(client, new TestCanon());
      RegistryImporter.Planned planned = importer.prepare(source, ImportOptions.DEFAULT);
      assertThat(subjectListings()).as("planning exports the target").isPositive();
      server.resetRequests();

      ImportResult result = importer.apply(planned, source);

      assertThat(result.status()).isEqualTo(ImportResult.Status.APPLIED);
      assertThat(result.plan()).isSameAs(planned.plan());
      assertThat(subjectListings())
          .as("applying reuses the export the plan was made from")
          .isZero();
      assertThat(writes()).startsWith("PUT /target/mode {\"mode\":\"IMPORT\"}").hasSize(14);
    }
  }

  /** How many times the target's subjects were listed: once per export. */
  private static long subjectListings() {
    return server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(
            r ->
                r.getMethod().getName().equals("GET")
                    && r.getUrl().matches("/target/subjects(\\?.*)?"))
        .count();
  }

  @Test
  void aDryRunOnlyPlans() {
    ImportResult result = importInto("/target", ImportOptions.DRY_RUN);
    assertThat(result.status()).isEqualTo(ImportResult.Status.DRY_RUN);
    assertThat(result.plan().steps(ImportStep.Action.REGISTER)).hasSize(8);
    assertThat(writes()).isEmpty();
  }

  @Test
  void modesAreRestoredWhenAWriteFails() {
    server.stubFor(
        post(urlPathEqualTo("/target/subjects/order-value/versions"))
            .atPriority(0)
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"error_code\":42205,\"message\":\"Overwrite new schema with id 3 is not permitted.\"}")));

    assertThatThrownBy(() -> importInto("/target", ImportOptions.DEFAULT))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.isOperationNotPermitted()).isTrue());

    List<String> writes = writes();
    assertThat(writes.get(0)).isEqualTo("PUT /target/mode {\"mode\":\"IMPORT\"}");
    assertThat(writes.get(writes.size() - 1))
        .isEqualTo("PUT /target/mode {\"mode\":\"READWRITE\"}");
    assertThat(writes).noneMatch(w -> w.contains("payment-value"));
  }

  @Test
  void importingOntoAnImportedRegistryWritesNothing() {
    ImportResult result = importInto("/confluent", ImportOptions.DEFAULT);
    assertThat(result.status()).isEqualTo(ImportResult.Status.NOTHING_TO_DO);
    assertThat(result.plan().steps())
        .extracting(ImportStep::action)
        .containsOnly(ImportStep.Action.EXISTS_SAME);
    assertThat(writes()).isEmpty();
  }

  @Test
  void aConflictAbortsBeforeTheFirstWrite() {
    RegistrySnapshot changed =
        Fixtures.replace(
            source,
            Fixtures.subject(
                "customer-value",
                Fixtures.avro(1, 1, Fixtures.RECORD_A),
                Fixtures.avro(2, 2, Fixtures.STRING)));
    ImportResult result;
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      result = new RegistryImporter(client, new TestCanon()).run(changed, ImportOptions.DEFAULT);
    }
    assertThat(result.status()).isEqualTo(ImportResult.Status.CONFLICTS);
    assertThat(result.plan().steps(ImportStep.Action.CONFLICT))
        .extracting(ImportStep::resource)
        .containsExactly("customer-value/1", "customer-value/2");
    assertThat(writes()).isEmpty();
  }

  @Test
  void anInvalidSchemaIsReportedAndNothingWritten() {
    RegistrySnapshot broken =
        Fixtures.replace(
            source, Fixtures.subject("broken-value", Fixtures.avro(1, 50, "{\"type\": record")));
    try (RegistryClient client = RegistryStubs.client(server, "/target")) {
      assertThatThrownBy(
              () ->
                  new RegistryImporter(client, new TestCanon()).run(broken, ImportOptions.DEFAULT))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("broken-value/1");
    }
    assertThat(writes()).isEmpty();
  }

  @Test
  void usesImportModePerSubjectWhereTheTargetIsNotEmpty() {
    server.stubFor(any(anyUrl()).atPriority(9).willReturn(okJson("{}")));
    server.stubFor(
        post(urlPathMatching("/confluent/subjects/new-value/versions"))
            .atPriority(0)
            .willReturn(okJson("{\"id\":60}")));
    RegistrySnapshot more =
        Fixtures.replace(
            source,
            Fixtures.subject(
                "new-value",
                Fixtures.avro(1, 60, Fixtures.RECORD_B, Fixtures.ref("A", "customer-value", 1))));
    ImportResult result;
    try (RegistryClient client = RegistryStubs.client(server, "/confluent")) {
      result = new RegistryImporter(client, new TestCanon()).run(more, ImportOptions.DEFAULT);
    }
    assertThat(result.status()).isEqualTo(ImportResult.Status.APPLIED);
    assertThat(result.plan().strategy()).isEqualTo(ImportPlan.Strategy.IMPORT_MODE_SUBJECTS);
    assertThat(writes())
        .containsExactly(
            "PUT /confluent/mode/new-value {\"mode\":\"IMPORT\"}",
            "POST /confluent/subjects/new-value/versions {\"version\":1,\"id\":60,\"references\":"
                + "[{\"name\":\"A\",\"subject\":\"customer-value\",\"version\":1}]}",
            "DELETE /confluent/mode/new-value");
  }

  @Test
  void anApicurioTargetGetsOneAdminImportAndIsCheckedAfterwards() throws Exception {
    String p = "/apis/ccompat/v7";
    server.stubFor(any(urlPathMatching(p + "/.*")).atPriority(9).willReturn(okJson("[]")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(p + "/config")
            .atPriority(1)
            .willReturn(okJson("{\"compatibilityLevel\":\"NONE\"}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(p + "/mode")
            .atPriority(1)
            .willReturn(okJson("{\"mode\":\"READWRITE\"}")));
    server.stubFor(put(urlPathMatching(p + "/.*")).atPriority(1).willReturn(okJson("{}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/apis/registry/v3/system/info")
            .willReturn(okJson("{\"name\":\"Apicurio Registry (SQL)\",\"version\":\"3.3.3\"}")));
    server.stubFor(
        post(urlPathEqualTo("/apis/registry/v3/admin/import"))
            .willReturn(aResponse().withStatus(204)));
    server.stubFor(delete(urlPathMatching(p + "/.*")).atPriority(1).willReturn(okJson("{}")));

    ImportResult result = importInto(p, ImportOptions.DEFAULT);

    assertThat(result.plan().strategy()).isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT);
    // The stubbed target stays empty, so the check afterwards finds every version missing.
    assertThat(result.status()).isEqualTo(ImportResult.Status.INCOMPLETE);
    assertThat(result.problems()).hasSize(8).first().asString().contains("missing on the target");
    List<String> writes = writes();
    assertThat(writes.get(0))
        .startsWith("POST /apis/registry/v3/admin/import?requireEmptyRegistry=true");
    assertThat(writes.subList(1, writes.size()))
        .containsExactly(
            "PUT " + p + "/config {\"compatibility\":\"BACKWARD\"}",
            "PUT " + p + "/config/order-value {\"compatibility\":\"FULL\"}",
            "PUT " + p + "/mode/payment-value {\"mode\":\"READONLY\"}");
    byte[] zip =
        server.getAllServeEvents().stream()
            .map(ServeEvent::getRequest)
            .filter(r -> r.getUrl().startsWith("/apis/registry/v3/admin/import"))
            .findFirst()
            .orElseThrow()
            .getBody();
    assertThat(ApicurioArchiveTest.entries(zip))
        .containsKey("groups/default/artifacts/order-value/versions/" + "1.ArtifactVersion.json");
  }

  /**
   * An empty-looking Apicurio target through its Confluent API, whose admin export answers {@code
   * export}.
   */
  private static void apicurioTarget(String p, byte[] export) {
    server.stubFor(any(urlPathMatching(p + "/.*")).atPriority(9).willReturn(okJson("[]")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(p + "/config")
            .atPriority(1)
            .willReturn(okJson("{\"compatibilityLevel\":\"NONE\"}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(p + "/mode")
            .atPriority(1)
            .willReturn(okJson("{\"mode\":\"READWRITE\"}")));
    server.stubFor(put(urlPathMatching(p + "/.*")).atPriority(1).willReturn(okJson("{}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/apis/registry/v3/system/info")
            .willReturn(okJson("{\"name\":\"Apicurio Registry (SQL)\",\"version\":\"3.3.3\"}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/apis/registry/v3/admin/export")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/zip")
                    .withBody(export)));
    server.stubFor(
        post(urlPathEqualTo("/apis/registry/v3/admin/import"))
            .willReturn(aResponse().withStatus(201)));
  }

  @Test
  void aNonEmptyApicurioTargetGetsOnlyWhatItMissesWithGlobalIdsAfterItsOwnAndIsCheckedAfterwards()
      throws Exception {
    String p = "/apis/ccompat/v7";
    // Content nobody's version uses, and a version of another group under global id 41: not empty,
    // no clash.
    apicurioTarget(
        p,
        ApicurioResumePlanTest.zip(
            java.util.Map.of(
                "content/h.Content.json",
                "{\"contentId\":99999,\"contentHash\":\"h\"}",
                "groups/g/artifacts/y/versions/1.ArtifactVersion.json",
                "{\"globalId\":41,\"groupId\":\"g\",\"artifactId\":\"y\",\"contentId\":99999}")));

    ImportResult result = importInto(p, ImportOptions.DEFAULT);

    assertThat(result.plan().strategy())
        .isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING);
    // The stubbed target does not change, so the check afterwards fails loudly, naming every
    // version.
    assertThat(result.status()).isEqualTo(ImportResult.Status.INCOMPLETE);
    assertThat(result.problems())
        .hasSize(8)
        .allSatisfy(pr -> assertThat(pr).contains("missing on the target"));
    List<String> imports = writes().stream().filter(w -> w.contains("/admin/import")).toList();
    assertThat(imports)
        .isNotEmpty()
        .allSatisfy(
            w ->
                assertThat(w)
                    .startsWith("POST /apis/registry/v3/admin/import?requireEmptyRegistry=false"));
    byte[] zip =
        server.getAllServeEvents().stream()
            .map(ServeEvent::getRequest)
            .filter(r -> r.getUrl().startsWith("/apis/registry/v3/admin/import"))
            .findFirst()
            .orElseThrow()
            .getBody();
    List<Long> globalIds =
        ApicurioArchiveTest.entries(zip).entrySet().stream()
            .filter(e -> e.getKey().endsWith(".ArtifactVersion.json"))
            .map(
                e -> {
                  try {
                    return MAPPER.readTree(e.getValue()).path("globalId").asLong();
                  } catch (java.io.IOException ex) {
                    throw new IllegalStateException(ex);
                  }
                })
            .sorted()
            .toList();
    assertThat(globalIds).first().isEqualTo(42L);
  }

  @Test
  void anApicurioIdHeldByOtherContentIsAConflictAndNothingIsWritten() throws Exception {
    String p = "/apis/ccompat/v7";
    int id = source.subjects().get(0).versions().get(0).id();
    apicurioTarget(
        p,
        ApicurioResumePlanTest.zip(
            java.util.Map.of(
                "content/h.Content.json",
                "{\"contentId\":" + id + ",\"contentHash\":\"" + "0".repeat(64) + "\"}")));

    ImportResult result = importInto(p, ImportOptions.DEFAULT);

    assertThat(result.status()).isEqualTo(ImportResult.Status.CONFLICTS);
    assertThat(result.plan().steps(ImportStep.Action.CONFLICT))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.reason())
                    .contains("id " + id + " is held on the target by other content"));
    assertThat(writes()).isEmpty();
  }
}

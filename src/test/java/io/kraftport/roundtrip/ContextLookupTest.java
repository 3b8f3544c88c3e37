package io.kraftport.roundtrip;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.registry.Contexts;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lookups by id of a context's subjects against a Confluent registry (WireMock): id 1 of context
 * {@code .ctx1} is answered only with {@code ?subject=:.ctx1:}; without it the registry answers the
 * default context's id 1, another schema, or nothing at all. The round-trip and the record probe
 * must ask for the context.
 */
class ContextLookupTest {
  static {
    // The registry package logs at debug level in tests (see RegistryStubs); set it here too, in
    // case this test
    // is the first to create the client's logger, or the log-capturing registry tests that run
    // later see nothing.
    System.setProperty("org.slf4j.simpleLogger.log.io.kraftport.registry", "debug");
  }

  private static final String CTX_SCHEMA =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\","
          + "\"type\":\"int\"},{\"name\":\"s\",\"type\":\"string\"}]}";
  private static final String SUBJECT = ":.ctx1:orders-value";
  // n = 1, s = "hi"; framed with id 1.
  private static final byte[] RECORD = HexFormat.of().parseHex("00000000010204" + "6869");

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    server.stubFor(
        get(urlPathEqualTo("/schemas/ids/1"))
            .withQueryParam("subject", equalTo(":.ctx1:"))
            .willReturn(okJson("{\"schema\":" + quote(CTX_SCHEMA) + "}")));
    server.stubFor(
        post(urlPathEqualTo("/subjects/" + SUBJECT))
            .willReturn(
                okJson(
                    "{\"subject\":\""
                        + SUBJECT
                        + "\",\"version\":1,\"id\":1,\"schema\":"
                        + quote(CTX_SCHEMA)
                        + "}")));
    server.stubFor(
        post(urlPathEqualTo("/compatibility/subjects/" + SUBJECT + "/versions/latest"))
            .willReturn(okJson("{\"is_compatible\":true}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void defaultContextHasAnotherId1() {
    server.stubFor(
        get(urlPathEqualTo("/schemas/ids/1"))
            .withQueryParam("subject", absent())
            .willReturn(okJson("{\"schema\":\"\\\"string\\\"\"}")));
  }

  private RegistryClient client() {
    return RegistryClient.create(
        RegistrySettings.of("http://localhost:" + server.port()).withSide("target"));
  }

  private static RegistrySnapshot source() {
    return new RegistrySnapshot(
        "http://source",
        "confluent",
        "BACKWARD",
        "READWRITE",
        true,
        List.of(".ctx1"),
        List.of(
            new SubjectSnapshot(
                SUBJECT,
                false,
                null,
                null,
                List.of(
                    new SchemaVersion(1, 1, "AVRO", false, List.of(), null, null, CTX_SCHEMA)))),
        List.of());
  }

  private void verifyAskedForTheContext() {
    server.verify(
        getRequestedFor(urlPathEqualTo("/schemas/ids/1"))
            .withQueryParam("subject", equalTo(":.ctx1:")));
    server.verify(
        0, getRequestedFor(urlPathEqualTo("/schemas/ids/1")).withQueryParam("subject", absent()));
  }

  @Test
  void theRoundTripOfAContextSubjectReadsItsIdInItsContext() {
    defaultContextHasAnotherId1();
    try (RegistryClient client = client()) {
      RoundTripReport report =
          new RoundTripChecker(new RoundTrip(), new LiveRegistryView(client), Optional.empty(), 1)
              .check(source(), false);
      assertThat(report.differences()).isEmpty();
    }
    verifyAskedForTheContext();
  }

  @Test
  void theRoundTripFindsAContextIdTheDefaultContextLacks() {
    try (RegistryClient client = client()) {
      RoundTripReport report =
          new RoundTripChecker(new RoundTrip(), new LiveRegistryView(client), Optional.empty(), 1)
              .check(source(), false);
      assertThat(report.differences()).isEmpty();
    }
    verifyAskedForTheContext();
  }

  @Test
  void theProbeLooksARecordsIdUpInTheContextOfTheSourceSubjectsCarryingIt() {
    defaultContextHasAnotherId1();
    RecordSource records =
        (topic, lastN, sink) -> {
          if (topic.equals("orders")) {
            sink.accept(0, 0, null, RECORD);
          }
        };
    try (RegistryClient client = client()) {
      ProbeReport report =
          new RecordProbe(
                  new RoundTrip(),
                  new DefaultSchemaCanon(),
                  new SnapshotRegistryView(source()),
                  new LiveRegistryView(client),
                  IdContexts.of(source()))
              .probe(records, List.of("orders"), 10);
      assertThat(report.differences()).isEmpty();
      assertThat(report.failed()).isZero();
    }
    verifyAskedForTheContext();
  }

  @Test
  void anIdIsLookedUpInTheContextOfTheSubjectNamedForTheTopicThenOfAnySubjectCarryingIt() {
    SchemaVersion v1 = new SchemaVersion(1, 1, "AVRO", false, List.of(), null, null, CTX_SCHEMA);
    RegistrySnapshot snapshot =
        new RegistrySnapshot(
            "http://source",
            "confluent",
            "BACKWARD",
            "READWRITE",
            true,
            List.of(".a", ".b"),
            List.of(
                new SubjectSnapshot(":.a:orders-value", false, null, null, List.of(v1)),
                new SubjectSnapshot(":.b:payments-value", false, null, null, List.of(v1)),
                new SubjectSnapshot(
                    ":.b:other",
                    false,
                    null,
                    null,
                    List.of(
                        new SchemaVersion(
                            1, 7, "AVRO", false, List.of(), null, null, CTX_SCHEMA)))),
            List.of());
    IdContexts contexts = IdContexts.of(snapshot);
    assertThat(contexts.contextFor("orders", false, 1)).isEqualTo(".a");
    assertThat(contexts.contextFor("payments", false, 1)).isEqualTo(".b");
    assertThat(contexts.contextFor("orders", true, 1))
        .as("no orders-key: the first context carrying id 1")
        .isEqualTo(".a");
    assertThat(contexts.contextFor("anything", false, 7)).isEqualTo(".b");
    assertThat(contexts.contextFor("anything", false, 99)).isEqualTo(Contexts.DEFAULT);
    assertThat(IdContexts.DEFAULT_ONLY.contextFor("orders", false, 1)).isEqualTo(Contexts.DEFAULT);
  }

  @Test
  void aSnapshotViewKeepsEachContextsIdsApartButAnApicurioSnapshotHasOneIdSpace() {
    SchemaVersion inCtx = new SchemaVersion(1, 1, "AVRO", false, List.of(), null, null, CTX_SCHEMA);
    SchemaVersion inDefault =
        new SchemaVersion(1, 1, "AVRO", false, List.of(), null, null, "\"string\"");
    List<SubjectSnapshot> subjects =
        List.of(
            new SubjectSnapshot(SUBJECT, false, null, null, List.of(inCtx)),
            new SubjectSnapshot("plain-value", false, null, null, List.of(inDefault)));
    SnapshotRegistryView confluent =
        new SnapshotRegistryView(
            new RegistrySnapshot(
                null, "confluent", null, null, true, List.of(), subjects, List.of()));
    assertThat(confluent.findSchema(".ctx1", 1))
        .get()
        .extracting(s -> s.schema())
        .isEqualTo(CTX_SCHEMA);
    assertThat(confluent.findSchema(Contexts.DEFAULT, 1))
        .get()
        .extracting(s -> s.schema())
        .isEqualTo("\"string\"");
    assertThat(confluent.findSchema(".ctx2", 1)).isEmpty();

    SnapshotRegistryView apicurio =
        new SnapshotRegistryView(
            new RegistrySnapshot(
                null,
                "apicurio",
                null,
                null,
                false,
                List.of(),
                List.of(subjects.get(0)),
                List.of()));
    assertThat(apicurio.findSchema(Contexts.DEFAULT, 1)).isPresent();
    assertThat(apicurio.findSchema(".ctx2", 1)).isPresent();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

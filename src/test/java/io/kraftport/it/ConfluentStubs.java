package io.kraftport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock stubs that make a server answer, under a path prefix, as a Confluent Schema Registry
 * holding exactly a {@link RegistrySnapshot}: what an export reads (flavour, global and subject
 * settings with 40408/40409 where a subject inherits, subjects and versions with and without
 * soft-deleted ones, the {@code /schemas} listing, single versions) and what the round-trip checks
 * ask (schemas by id, producers' lookups of live versions, compatibility). Confluent's answers for
 * what is missing: 40401 for an unknown or soft-deleted subject without {@code deleted}, 40403 for
 * an unknown schema. Generated from the model, so each drift case changes the model and stubs it
 * again.
 */
final class ConfluentStubs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "application/vnd.schemaregistry.v1+json";

  private ConfluentStubs() {}

  /**
   * Replaces every stub of {@code server} with a registry at {@code prefix} holding {@code
   * registry}.
   */
  static void serve(WireMockServer server, String prefix, RegistrySnapshot registry) {
    server.resetMappings();
    stub(
        server,
        get(urlPathEqualTo(prefix + "/v1/metadata/id")),
        JSON.createObjectNode()
            .set(
                "scope",
                JSON.createObjectNode()
                    .put("path", "")
                    .set(
                        "clusters",
                        JSON.createObjectNode()
                            .put("kafka-cluster", "stubbed")
                            .put("schema-registry-cluster", "stubbed"))));
    stub(
        server,
        get(urlPathEqualTo(prefix + "/config")),
        JSON.createObjectNode().put("compatibilityLevel", registry.globalCompatibility()));
    stub(
        server,
        get(urlPathEqualTo(prefix + "/mode")),
        JSON.createObjectNode().put("mode", registry.globalMode()));
    stub(server, get(urlPathEqualTo(prefix + "/contexts")), JSON.createArrayNode().add("."));
    // Anything not stubbed below is an unknown subject or schema, as Confluent answers it.
    server.stubFor(
        get(urlPathMatching(prefix + "/subjects/[^/]+/versions.*"))
            .atPriority(9)
            .willReturn(error(404, 40401, "Subject not found.")));
    server.stubFor(
        get(urlPathMatching(prefix + "/config/[^/]+"))
            .atPriority(9)
            .willReturn(
                error(404, 40408, "Subject does not have subject-level compatibility configured")));
    server.stubFor(
        get(urlPathMatching(prefix + "/mode/[^/]+"))
            .atPriority(9)
            .willReturn(error(404, 40409, "Subject does not have subject-level mode configured")));
    server.stubFor(
        get(urlPathMatching(prefix + "/schemas/ids/[0-9]+"))
            .atPriority(9)
            .willReturn(error(404, 40403, "Schema not found")));
    server.stubFor(
        post(urlPathMatching(prefix + "/subjects/[^/]+"))
            .atPriority(9)
            .willReturn(error(404, 40401, "Subject not found.")));
    server.stubFor(
        post(urlPathMatching(prefix + "/compatibility/subjects/[^/]+/versions/latest"))
            .atPriority(9)
            .willReturn(
                json(
                    JSON.createObjectNode()
                        .put("is_compatible", true)
                        .set("messages", JSON.createArrayNode()))));

    ArrayNode all = JSON.createArrayNode();
    ArrayNode live = JSON.createArrayNode();
    ArrayNode listing = JSON.createArrayNode();
    Map<Integer, SchemaVersion> byId = new HashMap<>();
    for (SubjectSnapshot s : registry.subjects()) {
      all.add(s.name());
      if (!s.deleted()) {
        live.add(s.name());
      }
      subject(server, prefix, s);
      s.versions()
          .forEach(
              v -> {
                listing.add(entry(s.name(), v));
                byId.putIfAbsent(v.id(), v);
              });
    }
    stub(
        server,
        get(urlPathEqualTo(prefix + "/subjects")).withQueryParam("deleted", absent()),
        live);
    stub(
        server,
        get(urlPathEqualTo(prefix + "/subjects")).withQueryParam("deleted", equalTo("true")),
        all);
    stub(
        server,
        get(urlPathEqualTo(prefix + "/schemas")).withQueryParam("offset", equalTo("0")),
        listing);
    stub(
        server,
        get(urlPathEqualTo(prefix + "/schemas")).withQueryParam("offset", notMatching("0")),
        JSON.createArrayNode());
    byId.forEach(
        (id, v) -> {
          ObjectNode body = entry(null, v);
          body.remove(List.of("subject", "version", "id"));
          stub(server, get(urlPathEqualTo(prefix + "/schemas/ids/" + id)), body);
        });
  }

  private static void subject(WireMockServer server, String prefix, SubjectSnapshot s) {
    String path = prefix + "/subjects/" + s.name();
    ArrayNode all = JSON.createArrayNode();
    ArrayNode live = JSON.createArrayNode();
    for (SchemaVersion v : s.versions()) {
      all.add(v.version());
      if (!v.deleted() && !s.deleted()) {
        live.add(v.version());
        // A producer's lookup (no "deleted") finds live versions only.
        stub(
            server,
            post(urlPathEqualTo(path))
                .withQueryParam("deleted", absent())
                .withRequestBody(matchingJsonPath("$.schema", equalTo(v.schema()))),
            entry(s.name(), v));
      }
      stub(
          server,
          get(urlPathEqualTo(path + "/versions/" + v.version()))
              .withQueryParam("deleted", equalTo("true")),
          entry(s.name(), v));
    }
    stub(
        server,
        get(urlPathEqualTo(path + "/versions")).withQueryParam("deleted", equalTo("true")),
        all);
    if (!s.deleted()) {
      stub(
          server,
          get(urlPathEqualTo(path + "/versions")).withQueryParam("deleted", absent()),
          live);
      server.stubFor(
          post(urlPathEqualTo(path))
              .atPriority(8)
              .willReturn(error(404, 40403, "Schema not found")));
    }
    if (s.compatibility() != null) {
      stub(
          server,
          get(urlPathEqualTo(prefix + "/config/" + s.name())),
          JSON.createObjectNode().put("compatibilityLevel", s.compatibility()));
    }
    if (s.mode() != null) {
      stub(
          server,
          get(urlPathEqualTo(prefix + "/mode/" + s.name())),
          JSON.createObjectNode().put("mode", s.mode()));
    }
  }

  private static ObjectNode entry(String subject, SchemaVersion v) {
    ObjectNode n = JSON.createObjectNode();
    if (subject != null) {
      n.put("subject", subject);
    }
    n.put("version", v.version()).put("id", v.id());
    if (!v.schemaType().equals("AVRO")) {
      n.put("schemaType", v.schemaType());
    }
    if (!v.references().isEmpty()) {
      ArrayNode refs = n.putArray("references");
      v.references()
          .forEach(
              r ->
                  refs.addObject()
                      .put("name", r.name())
                      .put("subject", r.subject())
                      .put("version", r.version()));
    }
    n.put("schema", v.schema());
    return n;
  }

  private static void stub(WireMockServer server, MappingBuilder request, JsonNode body) {
    server.stubFor(request.atPriority(5).willReturn(json(body)));
  }

  private static ResponseDefinitionBuilder json(JsonNode body) {
    return aResponse().withStatus(200).withHeader("Content-Type", TYPE).withBody(body.toString());
  }

  private static ResponseDefinitionBuilder error(int status, int code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", TYPE)
        .withBody(
            JSON.createObjectNode().put("error_code", code).put("message", message).toString());
  }
}

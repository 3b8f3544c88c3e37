package io.kraftport.registry;

import static io.kraftport.registry.Fixtures.RECORD_A;
import static io.kraftport.registry.Fixtures.RECORD_B;
import static io.kraftport.registry.Fixtures.STRING;
import static io.kraftport.registry.Fixtures.avro;
import static io.kraftport.registry.Fixtures.deleted;
import static io.kraftport.registry.Fixtures.ref;
import static io.kraftport.registry.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kraftport.snapshot.RegistrySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Checks the admin-import ZIP against Apicurio 3's export format: file names ending in the entity
 * type, and only the fields of its v3 entity classes (its reader rejects unknown fields).
 */
class ApicurioArchiveTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static JsonNode json(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  private static Set<String> fields(JsonNode n) {
    Set<String> out = new TreeSet<>();
    Iterator<String> it = n.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }

  private final RegistrySnapshot source =
      Fixtures.confluent(
          subject("a-value", avro(1, 1, RECORD_A), deleted(avro(2, 2, STRING))),
          subject("b/value", avro(1, 3, RECORD_B, ref("A", "a-value", 1))),
          subject("c-value", avro(1, 1, RECORD_A)));

  @Test
  void splitsALargeRegistryIntoArchivesUnderTheEntryLimit() throws Exception {
    java.util.List<io.kraftport.snapshot.SubjectSnapshot> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Every fourth subject shares the content of the one before it, as one schema under two
      // subjects does.
      int id = i % 4 == 3 ? i : i + 1;
      many.add(
          subject(
              String.format("s%02d-value", i),
              avro(1, id, record("A" + id)),
              avro(2, 100 + i, record("B" + i))));
    }
    RegistrySnapshot big =
        Fixtures.confluent(many.toArray(io.kraftport.snapshot.SubjectSnapshot[]::new));
    java.util.List<byte[]> archives = ApicurioArchive.build(big, "3.3.3", NOW, 25);
    assertThat(archives).hasSizeGreaterThan(3);
    java.util.Set<String> artifacts = new java.util.HashSet<>();
    java.util.List<Long> globalIds = new java.util.ArrayList<>();
    java.util.List<Long> contentIds = new java.util.ArrayList<>();
    for (byte[] archive : archives) {
      Map<String, byte[]> zip = entries(archive);
      assertThat(zip).hasSizeLessThanOrEqualTo(25);
      assertThat(zip.keySet()).first().asString().endsWith(".Manifest.json");
      for (Map.Entry<String, byte[]> e : zip.entrySet()) {
        if (e.getKey().endsWith(".Artifact.json")) {
          assertThat(artifacts.add(json(e.getValue()).path("artifactId").asText())).isTrue();
        } else if (e.getKey().endsWith(".ArtifactVersion.json")) {
          globalIds.add(json(e.getValue()).path("globalId").asLong());
        } else if (e.getKey().endsWith(".Content.json")) {
          contentIds.add(json(e.getValue()).path("contentId").asLong());
        }
      }
    }
    assertThat(artifacts).hasSize(40);
    // Subjects that share content land in the same archive.
    for (byte[] archive : archives) {
      java.util.Set<String> names = entries(archive).keySet();
      for (int i = 3; i < 40; i += 4) {
        boolean sharer =
            names.contains(
                "groups/default/artifacts/"
                    + String.format("s%02d-value", i)
                    + "/MetaData.Artifact.json");
        boolean owner =
            names.contains(
                "groups/default/artifacts/"
                    + String.format("s%02d-value", i - 1)
                    + "/MetaData.Artifact.json");
        assertThat(sharer).isEqualTo(owner);
      }
    }
    assertThat(globalIds)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 80).boxed().toList());
    assertThat(contentIds).doesNotHaveDuplicates().hasSize(70);
    // One archive when the limit allows it: the same entities as the single-archive build.
    assertThat(ApicurioArchive.build(big, "3.3.3", NOW, 100_000)).hasSize(1);
  }

  private static String record(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[]}";
  }

  @Test
  void readsBackEveryVersionWithItsIdAndState() {
    RegistrySnapshot read =
        ApicurioArchive.readVersions(ApicurioArchive.build(source, "3.3.3", NOW), "u");
    for (var s : source.subjects()) {
      assertThat(read.findSubject(s.name()).orElseThrow().versions())
          .extracting(v -> v.version() + "/" + v.id() + "/" + v.deleted())
          .containsExactlyElementsOf(
              s.versions().stream()
                  .map(v -> v.version() + "/" + v.id() + "/" + v.deleted())
                  .toList());
    }
    assertThat(read.subjects()).hasSize(source.subjects().size());
  }

  @Test
  void writesTheEntitiesApicurioExports() throws Exception {
    Map<String, byte[]> zip = entries(ApicurioArchive.build(source, "3.3.3", NOW));

    assertThat(zip.keySet())
        .first()
        .asString()
        .isEqualTo("manifest-2025-01-02T03:04:05Z.Manifest.json");
    JsonNode manifest = json(zip.values().iterator().next());
    assertThat(manifest.path("exportVersion").asText()).isEqualTo("3.0");
    assertThat(manifest.path("systemVersion").asText()).isEqualTo("3.3.3");
    assertThat(fields(manifest))
        .isSubsetOf(
            "systemVersion",
            "systemName",
            "systemDescription",
            "exportVersion",
            "exportedOn",
            "exportedBy",
            "dbVersion");

    // One content per id, shared by the subjects that use it.
    assertThat(zip.keySet().stream().filter(k -> k.endsWith(".Content.json"))).hasSize(3);
    byte[] data = RECORD_A.getBytes(StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    JsonNode content = json(zip.get("content/" + hash + ".Content.json"));
    assertThat(fields(content))
        .containsExactlyInAnyOrder(
            "contentId",
            "canonicalHash",
            "contentHash",
            "artifactType",
            "contentType",
            "serializedReferences");
    assertThat(content.path("contentId").asLong()).isEqualTo(1);
    assertThat(content.path("contentType").asText()).isEqualTo("application/json");
    assertThat(zip.get("content/" + hash + ".Content.data")).isEqualTo(data);

    JsonNode withRefs =
        zip.entrySet().stream()
            .filter(e -> e.getKey().endsWith(".Content.json"))
            .map(
                e -> {
                  try {
                    return json(e.getValue());
                  } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                  }
                })
            .filter(n -> n.path("contentId").asLong() == 3)
            .findFirst()
            .orElseThrow();
    assertThat(withRefs.path("serializedReferences").asText())
        .isEqualTo(
            "[{\"groupId\":null,\"artifactId\":\"a-value\",\"version\":\"1\",\"name\":\"A\"}]");
    assertThat(withRefs.path("canonicalHash").asText())
        .isEqualTo(withRefs.path("contentHash").asText());
    assertThat(content.path("canonicalHash").isNull()).isTrue();
    assertThat(withRefs.path("contentHash").asText())
        .isEqualTo(
            ApicurioArchive.contentHash(
                RECORD_B.getBytes(StandardCharsets.UTF_8),
                withRefs.path("serializedReferences").asText()));

    String dir = "groups/default/artifacts/a-value/";
    JsonNode artifact = json(zip.get(dir + "MetaData.Artifact.json"));
    assertThat(fields(artifact))
        .containsExactlyInAnyOrder(
            "groupId",
            "artifactId",
            "artifactType",
            "name",
            "description",
            "labels",
            "owner",
            "createdOn",
            "modifiedBy",
            "modifiedOn");
    JsonNode v2 = json(zip.get(dir + "versions/2.ArtifactVersion.json"));
    assertThat(fields(v2))
        .containsExactlyInAnyOrder(
            "globalId",
            "groupId",
            "artifactId",
            "version",
            "versionOrder",
            "state",
            "name",
            "description",
            "owner",
            "labels",
            "createdOn",
            "modifiedBy",
            "modifiedOn",
            "contentId");
    assertThat(v2.path("state").asText()).isEqualTo("DISABLED");
    assertThat(v2.path("contentId").asLong()).isEqualTo(2);
    assertThat(v2.path("version").asText()).isEqualTo("2");
    JsonNode branch = json(zip.get(dir + "branches/latest.Branch.json"));
    assertThat(fields(branch))
        .containsExactlyInAnyOrder(
            "groupId",
            "artifactId",
            "branchId",
            "description",
            "systemDefined",
            "owner",
            "createdOn",
            "modifiedBy",
            "modifiedOn",
            "versions");
    assertThat(branch.path("versions").toString()).isEqualTo("[\"1\",\"2\"]");

    // Unsafe subject names are escaped in paths and kept in the JSON.
    JsonNode escaped =
        json(zip.get("groups/default/artifacts/b%2Fvalue/versions/1.ArtifactVersion.json"));
    assertThat(escaped.path("artifactId").asText()).isEqualTo("b/value");
    assertThat(zip.keySet())
        .allSatisfy(
            name ->
                assertThat(name.split("\\.")[name.split("\\.").length - 2])
                    .isIn("Manifest", "Content", "Artifact", "ArtifactVersion", "Branch"));
  }

  @Test
  void globalIdsAreUniqueAcrossArtifacts() throws Exception {
    Map<String, byte[]> zip = entries(ApicurioArchive.build(source, "3.3.3", NOW));
    Set<Long> globalIds = new TreeSet<>();
    for (Map.Entry<String, byte[]> e : zip.entrySet()) {
      if (e.getKey().endsWith(".ArtifactVersion.json")) {
        assertThat(globalIds.add(json(e.getValue()).path("globalId").asLong())).isTrue();
      }
    }
    assertThat(globalIds).containsExactly(1L, 2L, 3L, 4L);
  }
}

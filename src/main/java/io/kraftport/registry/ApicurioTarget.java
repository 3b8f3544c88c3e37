package io.kraftport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What an Apicurio target already holds that its admin import would collide with, read from its
 * admin export ({@code GET /apis/registry/v3/admin/export}): every content id with its content hash
 * (one id space for all groups), the artifacts of the default group (where its Confluent API keeps
 * subjects), and the highest global id. Apicurio's import with {@code requireEmptyRegistry=false}
 * skips, with a warning in its own log only, any content whose id is taken, any version whose
 * global id is taken, and any artifact or branch that exists, so an import that adds to a non-empty
 * target is planned against this.
 */
record ApicurioTarget(Map<Long, String> contentHashes, Set<String> artifacts, long maxGlobalId) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  ApicurioTarget {
    contentHashes = Map.copyOf(contentHashes);
    artifacts = Set.copyOf(artifacts);
  }

  static final ApicurioTarget EMPTY = new ApicurioTarget(Map.of(), Set.of(), 0);

  /**
   * Whether the registry holds nothing an import could collide with (its admin import then takes
   * the fast path).
   */
  boolean isEmpty() {
    return contentHashes.isEmpty() && artifacts.isEmpty() && maxGlobalId == 0;
  }

  /** The hash of the content stored under {@code contentId}, if that id is taken. */
  Optional<String> contentHash(long contentId) {
    return Optional.ofNullable(contentHashes.get(contentId));
  }

  /** Reads an admin export ZIP; entities other than content, artifacts and versions are ignored. */
  static ApicurioTarget read(byte[] zip) {
    Map<Long, String> contents = new HashMap<>();
    Set<String> artifacts = new HashSet<>();
    long maxGlobalId = 0;
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        String name = e.getName();
        if (name.endsWith(".Content.json")) {
          JsonNode c = MAPPER.readTree(in.readAllBytes());
          contents.put(c.path("contentId").asLong(), c.path("contentHash").asText(""));
        } else if (name.endsWith(".Artifact.json")) {
          JsonNode a = MAPPER.readTree(in.readAllBytes());
          if (inDefaultGroup(a)) {
            artifacts.add(a.path("artifactId").asText());
          }
        } else if (name.endsWith(".ArtifactVersion.json")) {
          JsonNode v = MAPPER.readTree(in.readAllBytes());
          maxGlobalId = Math.max(maxGlobalId, v.path("globalId").asLong());
          if (inDefaultGroup(v)) {
            // An artifact whose own entity is missing from the export still blocks adding to it.
            artifacts.add(v.path("artifactId").asText());
          }
        }
      }
    } catch (IOException ex) {
      throw new IllegalStateException("cannot read the Apicurio export archive", ex);
    }
    return new ApicurioTarget(contents, artifacts, maxGlobalId);
  }

  private static boolean inDefaultGroup(JsonNode entity) {
    JsonNode group = entity.path("groupId");
    return group.isNull() || group.isMissingNode() || group.asText().equals("default");
  }
}

package io.kraftport.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the ZIP that Apicurio Registry 3's {@code POST /apis/registry/v3/admin/import} reads (the
 * format of its {@code GET /apis/registry/v3/admin/export}): a manifest, then per schema id one
 * content entity ({@code .json} metadata with {@code contentId} and the sha256 {@code contentHash},
 * plus a {@code .data} file with the text), and per subject an artifact, its versions ({@code
 * globalId}, {@code version}, {@code contentId}, state {@code DISABLED} for soft-deleted ones) and
 * its {@code latest} branch. Subjects become artifacts of the default group, which is where
 * Apicurio's Confluent API keeps them; the Confluent id becomes the content id, which is the id
 * that API answers with. Apicurio reads an entity's type from the end of its file name ({@code
 * *.ArtifactVersion.json}) and rejects unknown JSON fields, so names and fields follow its export
 * exactly.
 */
final class ApicurioArchive {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OWNER = "kraftport";

  private ApicurioArchive() {}

  /**
   * Apicurio refuses an import ZIP of more than {@code apicurio.import.zip.max-entry-count} entries
   * (10,000 by default), which a registry of about 900 subjects with three versions already
   * exceeds.
   */
  static final int DEFAULT_MAX_ENTRIES =
      Integer.getInteger("kraftport.apicurio.import.maxEntries", 9_000);

  /** The whole registry as one archive (however many entries that makes). */
  static byte[] build(RegistrySnapshot source, String systemVersion, Instant now) {
    return build(source, systemVersion, now, Integer.MAX_VALUE).get(0);
  }

  /**
   * The registry as archives of at most {@code maxEntries} entries each, to be imported in order:
   * subjects are never split, nor are subjects that share content; each content is in exactly one
   * archive; global ids run on across archives.
   */
  static List<byte[]> build(
      RegistrySnapshot source, String systemVersion, Instant now, int maxEntries) {
    return build(source, systemVersion, now, maxEntries, 0);
  }

  /**
   * As {@link #build(RegistrySnapshot, String, Instant, int)}, with global ids counting on after
   * {@code lastGlobalId} (the highest a non-empty target holds, so that none is skipped as taken).
   */
  static List<byte[]> build(
      RegistrySnapshot source,
      String systemVersion,
      Instant now,
      int maxEntries,
      long lastGlobalId) {
    // Subjects that share content (one schema under two subjects) go into the same archive:
    // Apicurio links a
    // version only to content of its own archive and skips it otherwise, even when the registry
    // holds that content.
    List<List<SubjectSnapshot>> groups = sharingGroups(source.subjects());
    List<List<SubjectSnapshot>> chunks = new ArrayList<>();
    List<Map<Integer, SchemaVersion>> chunkContents = new ArrayList<>();
    int entries = Integer.MAX_VALUE;
    for (List<SubjectSnapshot> group : groups) {
      Map<Integer, SchemaVersion> used = new LinkedHashMap<>();
      int cost = 0;
      for (SubjectSnapshot s : group) {
        s.versions().forEach(v -> used.putIfAbsent(v.id(), v));
        cost += 2 + s.versions().size();
      }
      cost += 2 * used.size();
      if (chunks.isEmpty()
          || (entries + cost > maxEntries - 1 && !chunks.get(chunks.size() - 1).isEmpty())) {
        chunks.add(new ArrayList<>());
        chunkContents.add(new LinkedHashMap<>());
        entries = 0;
      }
      chunks.get(chunks.size() - 1).addAll(group);
      used.forEach(chunkContents.get(chunkContents.size() - 1)::putIfAbsent);
      entries += cost;
    }
    if (chunks.isEmpty()) {
      chunks.add(List.of());
      chunkContents.add(Map.of());
    }
    List<byte[]> out = new ArrayList<>();
    long[] globalId = {lastGlobalId};
    for (int i = 0; i < chunks.size(); i++) {
      out.add(
          archive(
              source, systemVersion, now, chunkContents.get(i).values(), chunks.get(i), globalId));
    }
    return out;
  }

  /**
   * The non-empty subjects in groups that share no content with each other, in the order of their
   * first subject.
   */
  static List<List<SubjectSnapshot>> sharingGroups(List<SubjectSnapshot> subjects) {
    List<SubjectSnapshot> live = subjects.stream().filter(s -> !s.versions().isEmpty()).toList();
    int[] parent = new int[live.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<Integer, Integer> firstUser = new LinkedHashMap<>();
    for (int i = 0; i < live.size(); i++) {
      for (SchemaVersion v : live.get(i).versions()) {
        Integer other = firstUser.putIfAbsent(v.id(), i);
        if (other != null) {
          parent[root(parent, i)] = root(parent, other);
        }
      }
    }
    Map<Integer, List<SubjectSnapshot>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < live.size(); i++) {
      byRoot.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(live.get(i));
    }
    return new ArrayList<>(byRoot.values());
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static byte[] archive(
      RegistrySnapshot source,
      String systemVersion,
      Instant now,
      Collection<SchemaVersion> contents,
      List<SubjectSnapshot> subjects,
      long[] globalId) {
    long millis = now.toEpochMilli();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      ObjectNode manifest =
          MAPPER
              .createObjectNode()
              .put("systemVersion", systemVersion)
              .put("systemName", "kraftport")
              .put(
                  "systemDescription",
                  "Schemas exported from " + source.url() + " (" + source.flavor() + ")")
              .put("exportVersion", "3.0")
              .put("exportedOn", millis)
              .put("exportedBy", OWNER);
      put(zip, "manifest-" + now + ".Manifest.json", manifest);

      for (SchemaVersion v : contents) {
        String refs = serializedReferences(v);
        byte[] data = v.schema().getBytes(StandardCharsets.UTF_8);
        String hash = contentHash(data, refs);
        // Without a canonical hash Apicurio canonicalizes at import, resolving references against
        // versions it
        // imports only after all content: a schema with references could then be skipped. For
        // those, the content
        // hash stands in (it only serves lookups with normalize=true).
        ObjectNode content =
            MAPPER
                .createObjectNode()
                .put("contentId", (long) v.id())
                .put("canonicalHash", refs == null ? null : hash)
                .put("contentHash", hash)
                .put("artifactType", v.schemaType())
                .put(
                    "contentType",
                    v.schemaType().equals("PROTOBUF")
                        ? "application/x-protobuf"
                        : "application/json")
                .put("serializedReferences", refs);
        put(zip, "content/" + hash + ".Content.json", content);
        zip.putNextEntry(new ZipEntry("content/" + hash + ".Content.data"));
        zip.write(data);
        zip.closeEntry();
      }

      for (SubjectSnapshot s : subjects) {
        String dir = "groups/default/artifacts/" + pathSegment(s.name()) + "/";
        ObjectNode artifact =
            MAPPER
                .createObjectNode()
                .putNull("groupId")
                .put("artifactId", s.name())
                .put("artifactType", s.versions().get(0).schemaType());
        stamp(artifact.putNull("name").putNull("description").putNull("labels"), millis);
        put(zip, dir + "MetaData.Artifact.json", artifact);
        ArrayNode branchVersions = MAPPER.createArrayNode();
        for (SchemaVersion v : s.versions()) {
          ObjectNode version =
              MAPPER
                  .createObjectNode()
                  .put("globalId", ++globalId[0])
                  .putNull("groupId")
                  .put("artifactId", s.name())
                  .put("version", Integer.toString(v.version()))
                  .put("versionOrder", v.version())
                  .put("state", v.deleted() ? "DISABLED" : "ENABLED")
                  .putNull("name")
                  .putNull("description");
          stamp(version, millis).putNull("labels").put("contentId", (long) v.id());
          put(zip, dir + "versions/" + v.version() + ".ArtifactVersion.json", version);
          branchVersions.add(Integer.toString(v.version()));
        }
        ObjectNode branch =
            MAPPER
                .createObjectNode()
                .putNull("groupId")
                .put("artifactId", s.name())
                .put("branchId", "latest")
                .putNull("description")
                .put("systemDefined", true);
        stamp(branch, millis).set("versions", branchVersions);
        put(zip, dir + "branches/latest.Branch.json", branch);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot build the Apicurio import archive", e);
    }
    return bytes.toByteArray();
  }

  /**
   * What an Apicurio export holds of the default group, as subjects with their versions' ids
   * (content ids) and soft-deleted flags: enough to check an import. Schema texts are left empty.
   */
  static RegistrySnapshot readVersions(byte[] zip, String url) {
    Map<String, List<SchemaVersion>> bySubject = new java.util.TreeMap<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(
            new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.getName().endsWith(".ArtifactVersion.json")) {
          continue;
        }
        com.fasterxml.jackson.databind.JsonNode v = MAPPER.readTree(in.readAllBytes());
        String group = v.path("groupId").isNull() ? "default" : v.path("groupId").asText("default");
        if (!group.equals("default")) {
          continue;
        }
        int version;
        try {
          version = Integer.parseInt(v.path("version").asText());
        } catch (NumberFormatException nfe) {
          continue;
        }
        bySubject
            .computeIfAbsent(v.path("artifactId").asText(), k -> new ArrayList<>())
            .add(
                new SchemaVersion(
                    version,
                    v.path("contentId").asInt(),
                    null,
                    "DISABLED".equals(v.path("state").asText()),
                    List.of(),
                    null,
                    null,
                    ""));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the Apicurio export archive", e);
    }
    List<SubjectSnapshot> subjects = new ArrayList<>();
    bySubject.forEach(
        (name, versions) ->
            subjects.add(
                new SubjectSnapshot(
                    name,
                    versions.stream().allMatch(SchemaVersion::deleted),
                    null,
                    null,
                    versions)));
    return new RegistrySnapshot(url, "apicurio", null, null, false, List.of(), subjects, List.of());
  }

  private static ObjectNode stamp(ObjectNode node, long millis) {
    return node.put("owner", OWNER)
        .put("createdOn", millis)
        .put("modifiedBy", OWNER)
        .put("modifiedOn", millis);
  }

  /**
   * The references as Apicurio stores them: a JSON array of {groupId, artifactId, version, name},
   * or null when there are none.
   */
  static String serializedReferences(SchemaVersion v) {
    if (v.references().isEmpty()) {
      return null;
    }
    ArrayNode refs = MAPPER.createArrayNode();
    v.references()
        .forEach(
            r ->
                refs.addObject()
                    .putNull("groupId")
                    .put("artifactId", r.subject())
                    .put("version", Integer.toString(r.version()))
                    .put("name", r.name()));
    return refs.toString();
  }

  /**
   * Apicurio's content hash: sha256 of the text, followed by the serialized references when there
   * are any.
   */
  static String contentHash(byte[] data, String serializedReferences) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(data);
      if (serializedReferences != null) {
        sha.update(serializedReferences.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A subject name as one safe path segment. Apicurio reads entity types from file names and the
   * artifact id from the JSON, so the path only has to be unique and harmless: anything but
   * letters, digits, '-' and '_' is escaped.
   */
  static String pathSegment(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.length() == 0 ? "%00" : out.toString();
  }

  private static void put(ZipOutputStream zip, String name, ObjectNode json) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(MAPPER.writeValueAsBytes(json));
    zip.closeEntry();
  }
}

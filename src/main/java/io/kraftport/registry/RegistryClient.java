package io.kraftport.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kraftport.KraftportException;
import io.kraftport.UnreachableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A client of one schema registry's Confluent-compatible REST API (and of Apicurio's own admin API
 * where the registry is Apicurio). Each method is one request; failures are {@link
 * RegistryException}s (with the registry's {@code error_code}) or {@link
 * io.kraftport.UnreachableException}s. Safe for concurrent use: at most {@link
 * RegistrySettings#concurrency()} requests are in flight at once. Close it to release its threads.
 */
public final class RegistryClient implements AutoCloseable {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final String CCOMPAT = "/apis/ccompat";

  private final HttpTransport http;
  private volatile RegistryFlavor flavor;

  private RegistryClient(HttpTransport http) {
    this.http = http;
  }

  public static RegistryClient create(RegistrySettings settings) {
    return new RegistryClient(new HttpTransport(settings));
  }

  /** The registry's URL, without credentials. */
  public String url() {
    return http.url();
  }

  /**
   * What kind of registry this is, found once and remembered: a URL path under {@code
   * /apis/ccompat} is Apicurio; else {@code GET /v1/metadata/id} answering means Confluent; else
   * Apicurio's {@code /apis/registry/v3/system/info} answering on the same host means Apicurio;
   * anything else is {@link RegistryFlavor#OTHER}.
   */
  public RegistryFlavor flavor() {
    RegistryFlavor f = flavor;
    if (f == null) {
      f = detectFlavor();
      flavor = f;
    }
    return f;
  }

  private RegistryFlavor detectFlavor() {
    if (http.base().encodedPath().contains(CCOMPAT)) {
      return RegistryFlavor.APICURIO;
    }
    try {
      JsonNode id = getJson(List.of("v1", "metadata", "id"), Map.of());
      if (id.has("scope") || id.has("id")) {
        return RegistryFlavor.CONFLUENT;
      }
    } catch (RegistryException e) {
      // not Confluent, or an older Confluent without the metadata endpoint
    }
    if (apicurioSystemInfo().isPresent()) {
      return RegistryFlavor.APICURIO;
    }
    return RegistryFlavor.OTHER;
  }

  /** Apicurio's {@code GET /apis/registry/v3/system/info}, when the host answers it. */
  public Optional<JsonNode> apicurioSystemInfo() {
    try {
      HttpUrl url = http.urlOnHost(apicurioRoot(), "/apis/registry/v3/system/info");
      JsonNode info = parse(http.send("GET", url, null, null, true).body());
      return info.isObject() && info.has("name") ? Optional.of(info) : Optional.empty();
    } catch (RegistryException e) {
      return Optional.empty();
    }
  }

  /** {@code GET /subjects}, with soft-deleted subjects when {@code deleted}. */
  public List<String> subjects(boolean deleted) {
    List<String> subjects =
        strings(getJson(List.of("subjects"), deleted ? Map.of("deleted", "true") : Map.of()));
    // Apicurio answers at most apicurio.ccompat.max-subjects subjects (1,000 by default) and says
    // nothing of the
    // rest. Its offset/limit paging is no way out: it orders by creation time, which ties for
    // artifacts created in
    // the same millisecond (as an admin import creates them all), so pages skip and repeat
    // subjects. Refuse rather
    // than lose subjects silently.
    if (subjects.size() == APICURIO_DEFAULT_MAX_SUBJECTS && flavor() == RegistryFlavor.APICURIO) {
      throw new UnreachableException(
          http.describe()
              + ": the registry listed exactly "
              + subjects.size()
              + " subjects, Apicurio's default cap (apicurio.ccompat.max-subjects): raise it on the server, e.g."
              + " APICURIO_CCOMPAT_MAX_SUBJECTS=100000, so that every subject is listed");
    }
    return subjects;
  }

  /** Apicurio's default {@code apicurio.ccompat.max-subjects}. */
  static final int APICURIO_DEFAULT_MAX_SUBJECTS = 1000;

  /**
   * {@code GET /subjects/{subject}/versions}; an unknown (or, without {@code deleted},
   * soft-deleted) subject has none.
   */
  public List<Integer> versions(String subject, boolean deleted) {
    try {
      JsonNode arr =
          getJson(
              List.of("subjects", subject, "versions"),
              deleted ? Map.of("deleted", "true") : Map.of());
      List<Integer> out = new ArrayList<>();
      arr.forEach(n -> out.add(n.asInt()));
      return out;
    } catch (RegistryException e) {
      if (e.isSubjectNotFound()) {
        return List.of();
      }
      throw e;
    }
  }

  /**
   * {@code GET /subjects/{subject}/versions/{version}}, soft-deleted versions included when {@code
   * deleted}. Apicurio answers that with 40401 for a subject whose versions are all soft-deleted
   * (while it lists the subject and its versions under {@code deleted=true}); there the version is
   * read from its own API instead ({@link #apicurioDisabledVersion}).
   */
  public SchemaEntry version(String subject, int version, boolean deleted) {
    JsonNode n;
    try {
      n =
          getJson(
              List.of("subjects", subject, "versions", Integer.toString(version)),
              deleted ? Map.of("deleted", "true") : Map.of());
    } catch (RegistryException e) {
      if (deleted && e.isSubjectNotFound() && flavor() == RegistryFlavor.APICURIO) {
        return apicurioDisabledVersion(subject, version).orElseThrow(() -> e);
      }
      throw e;
    }
    SchemaEntry e = SchemaEntry.fromJson(n);
    return new SchemaEntry(
        subject,
        e.version() == null ? version : e.version(),
        e.id(),
        e.schemaType(),
        e.schema(),
        e.references(),
        e.metadata(),
        e.ruleSet());
  }

  /**
   * A version of a soft-deleted subject on Apicurio: its id (the content id, which is what
   * Apicurio's Confluent API calls a schema id) from {@code GET
   * /apis/registry/v3/groups/default/artifacts/{subject}/versions/{version}}, its text, type and
   * references from {@code GET /schemas/ids/{id}}, which answers for soft-deleted content too.
   * Empty where Apicurio has no such version.
   */
  private Optional<SchemaEntry> apicurioDisabledVersion(String subject, int version) {
    JsonNode meta;
    try {
      meta =
          parse(
              http.send(
                      "GET",
                      apicurioArtifactUrl(subject, "versions", Integer.toString(version)),
                      null,
                      null,
                      true)
                  .body());
    } catch (RegistryException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    if (!meta.hasNonNull("contentId")) {
      return Optional.empty();
    }
    int id = meta.get("contentId").asInt();
    SchemaEntry content = schemaById(Contexts.DEFAULT, id);
    String type =
        meta.hasNonNull("artifactType") && content.schemaType().equals("AVRO")
            ? meta.get("artifactType").asText()
            : content.schemaType();
    return Optional.of(
        new SchemaEntry(
            subject, version, id, type, content.schema(), content.references(), null, null));
  }

  /**
   * One page of {@code GET /schemas?deleted=&offset=&limit=}: every subject version with its id and
   * text.
   */
  public List<SchemaEntry> schemas(boolean deleted, int offset, int limit) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("deleted", Boolean.toString(deleted));
    q.put("offset", Integer.toString(offset));
    q.put("limit", Integer.toString(limit));
    List<SchemaEntry> out = new ArrayList<>();
    getJson(List.of("schemas"), q).forEach(n -> out.add(SchemaEntry.fromJson(n)));
    return out;
  }

  /**
   * {@code GET /schemas/ids/{id}} in a context ({@link Contexts}): the schema without subject and
   * version. Outside the default context the request carries {@code ?subject=:.ctx:}, which is how
   * Confluent picks the context's id space (Apicurio, which has one id space, ignores it).
   */
  public SchemaEntry schemaById(String context, int id) {
    String subject = Contexts.subjectParameter(context);
    SchemaEntry e =
        SchemaEntry.fromJson(
            getJson(
                List.of("schemas", "ids", Integer.toString(id)),
                subject == null ? Map.of() : Map.of("subject", subject)));
    return new SchemaEntry(
        null, null, id, e.schemaType(), e.schema(), e.references(), e.metadata(), e.ruleSet());
  }

  /** {@code GET /config}: the global compatibility level. */
  public String globalCompatibility() {
    return compatibilityOf(getJson(List.of("config"), Map.of()));
  }

  /**
   * The subject's own compatibility level, empty where it inherits: {@code GET /config/{subject}}
   * (40408: none). On Apicurio, whose Confluent API answers NONE both for a NONE override and for
   * none at all, its own API is asked instead: {@code GET
   * /apis/registry/v3/groups/default/artifacts/{subject}/rules} lists the rules set on the subject,
   * and {@code .../rules/COMPATIBILITY} gives the level of one that is.
   */
  public Optional<String> subjectCompatibility(String subject) {
    if (flavor() == RegistryFlavor.APICURIO) {
      return apicurioCompatibilityRule(subject);
    }
    try {
      return Optional.ofNullable(compatibilityOf(getJson(List.of("config", subject), Map.of())));
    } catch (RegistryException e) {
      if (e.isCompatibilityNotConfigured() || e.isSubjectNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code PUT /config}. */
  public void setGlobalCompatibility(String level) {
    put(List.of("config"), Map.of(), MAPPER.createObjectNode().put("compatibility", level));
  }

  /** {@code PUT /config/{subject}}. */
  public void setSubjectCompatibility(String subject, String level) {
    put(
        List.of("config", subject),
        Map.of(),
        MAPPER.createObjectNode().put("compatibility", level));
  }

  /**
   * {@code DELETE /config/{subject}}: the subject inherits the global level again. On Apicurio,
   * where that leaves a NONE rule in place, the rule is deleted through its own API ({@code DELETE
   * .../rules/COMPATIBILITY}; none set is nothing to do).
   */
  public void deleteSubjectCompatibility(String subject) {
    if (flavor() == RegistryFlavor.APICURIO) {
      try {
        http.send(
            "DELETE", apicurioArtifactUrl(subject, "rules", "COMPATIBILITY"), null, null, true);
      } catch (RegistryException e) {
        if (!e.isNotFound()) {
          throw e;
        }
      }
      return;
    }
    http.send("DELETE", http.urlOf(List.of("config", subject), Map.of()), null, null, true);
  }

  /**
   * The subject's COMPATIBILITY rule on Apicurio, empty where none is set (or the subject is
   * unknown).
   */
  private Optional<String> apicurioCompatibilityRule(String subject) {
    try {
      List<String> rules =
          strings(
              parse(
                  http.send("GET", apicurioArtifactUrl(subject, "rules"), null, null, true)
                      .body()));
      if (!rules.contains("COMPATIBILITY")) {
        return Optional.empty();
      }
      JsonNode rule =
          parse(
              http.send(
                      "GET",
                      apicurioArtifactUrl(subject, "rules", "COMPATIBILITY"),
                      null,
                      null,
                      true)
                  .body());
      return Optional.ofNullable(rule.path("config").asText(null));
    } catch (RegistryException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A URL of Apicurio's own API for the artifact that holds a subject: Apicurio's Confluent API
   * keeps subjects as artifacts of the {@code default} group, the subject name as artifact id (one
   * path segment, percent-encoded).
   */
  private HttpUrl apicurioArtifactUrl(String subject, String... below) {
    List<String> segments =
        new ArrayList<>(
            List.of("apis", "registry", "v3", "groups", "default", "artifacts", subject));
    segments.addAll(List.of(below));
    return http.urlOnHost(apicurioRoot(), segments);
  }

  /** {@code GET /mode}. */
  public String globalMode() {
    return getJson(List.of("mode"), Map.of()).path("mode").asText(null);
  }

  /** {@code GET /mode/{subject}}: the subject's own mode, empty where it inherits (40409). */
  public Optional<String> subjectMode(String subject) {
    try {
      return Optional.ofNullable(
          getJson(List.of("mode", subject), Map.of()).path("mode").asText(null));
    } catch (RegistryException e) {
      if (e.isModeNotConfigured() || e.isSubjectNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@code PUT /mode}, with {@code force=true} when asked (IMPORT on a registry that has subjects).
   */
  public void setGlobalMode(String mode, boolean force) {
    put(
        List.of("mode"),
        force ? Map.of("force", "true") : Map.of(),
        MAPPER.createObjectNode().put("mode", mode));
  }

  /** {@code PUT /mode/{subject}}, with {@code force=true} when asked. */
  public void setSubjectMode(String subject, String mode, boolean force) {
    put(
        List.of("mode", subject),
        force ? Map.of("force", "true") : Map.of(),
        MAPPER.createObjectNode().put("mode", mode));
  }

  /** {@code DELETE /mode/{subject}}: the subject inherits the global mode again. */
  public void deleteSubjectMode(String subject) {
    http.send("DELETE", http.urlOf(List.of("mode", subject), Map.of()), null, null, true);
  }

  /**
   * {@code POST /subjects/{subject}/versions}: registers a schema, with explicit id and version if
   * given; its id.
   */
  public int register(String subject, RegisterRequest request) {
    JsonNode reply =
        parse(
            http.send(
                    "POST",
                    http.urlOf(List.of("subjects", subject, "versions"), Map.of()),
                    write(request.toJson(MAPPER)),
                    HttpTransport.JSON,
                    true)
                .body());
    return reply.path("id").asInt();
  }

  /** {@code DELETE /subjects/{subject}/versions/{version}}: a soft delete. */
  public void softDeleteVersion(String subject, int version) {
    http.send(
        "DELETE",
        http.urlOf(List.of("subjects", subject, "versions", Integer.toString(version)), Map.of()),
        null,
        null,
        true);
  }

  /** {@code GET /contexts}; empty where the server has no contexts. */
  public List<String> contexts() {
    try {
      return strings(getJson(List.of("contexts"), Map.of()));
    } catch (RegistryException e) {
      if (e.isUnsupportedEndpoint()) {
        return List.of();
      }
      throw e;
    }
  }

  /**
   * {@code POST /subjects/{subject}}: the version under which the subject has this schema, if any
   * (40401/40403).
   */
  public Optional<SchemaEntry> lookup(String subject, RegisterRequest request, boolean deleted) {
    try {
      JsonNode reply =
          parse(
              http.send(
                      "POST",
                      http.urlOf(
                          List.of("subjects", subject),
                          deleted ? Map.of("deleted", "true") : Map.of()),
                      write(request.contentOnly().toJson(MAPPER)),
                      HttpTransport.JSON,
                      true)
                  .body());
      return Optional.of(SchemaEntry.fromJson(reply));
    } catch (RegistryException e) {
      if (e.isSubjectNotFound() || e.isSchemaNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code POST /compatibility/subjects/{subject}/versions/latest?verbose=true}. */
  public CompatibilityResult checkCompatibility(String subject, RegisterRequest request) {
    JsonNode reply =
        parse(
            http.send(
                    "POST",
                    http.urlOf(
                        List.of("compatibility", "subjects", subject, "versions", "latest"),
                        Map.of("verbose", "true")),
                    write(request.contentOnly().toJson(MAPPER)),
                    HttpTransport.JSON,
                    true)
                .body());
    return new CompatibilityResult(
        reply.path("is_compatible").asBoolean(false), strings(reply.path("messages")));
  }

  /**
   * Apicurio's {@code POST /apis/registry/v3/admin/import} of a ZIP export, keeping global and
   * content ids, on an empty registry only. Not retried: a second attempt after a partial import
   * would meet a non-empty registry.
   */
  public void apicurioImport(byte[] zip) {
    apicurioImport(zip, true);
  }

  /**
   * Apicurio's admin import; with {@code requireEmptyRegistry} false it adds to a registry that
   * already holds data (and silently skips entities that collide, so the caller checks the result).
   */
  public void apicurioImport(byte[] zip, boolean requireEmptyRegistry) {
    HttpUrl url =
        http.urlOnHost(apicurioRoot(), "/apis/registry/v3/admin/import")
            .newBuilder()
            .addQueryParameter("requireEmptyRegistry", Boolean.toString(requireEmptyRegistry))
            .build();
    http.send("POST", url, zip, HttpTransport.ZIP, false);
  }

  /**
   * Apicurio's {@code GET /apis/registry/v3/admin/export}: the registry as a ZIP of JSON entities.
   */
  public byte[] apicurioExport() {
    return http.send(
            "GET",
            http.urlOnHost(apicurioRoot(), "/apis/registry/v3/admin/export"),
            null,
            null,
            true)
        .body();
  }

  @Override
  public void close() {
    http.close();
  }

  /** The path before {@code /apis/ccompat} (empty for a registry at the host's root). */
  private String apicurioRoot() {
    String path = http.base().encodedPath();
    int at = path.indexOf(CCOMPAT);
    return at < 0 ? "" : path.substring(0, at);
  }

  private JsonNode getJson(List<String> segments, Map<String, String> query) {
    return parse(http.send("GET", http.urlOf(segments, query), null, null, true).body());
  }

  private void put(List<String> segments, Map<String, String> query, JsonNode body) {
    http.send("PUT", http.urlOf(segments, query), write(body), HttpTransport.JSON, true);
  }

  private static String compatibilityOf(JsonNode n) {
    String level = n.path("compatibilityLevel").asText(null);
    return level != null ? level : n.path("compatibility").asText(null);
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode n = body.length == 0 ? null : MAPPER.readTree(body);
      return n == null ? MAPPER.missingNode() : n;
    } catch (IOException e) {
      throw new MalformedReplyException(
          http.describe() + " answered with invalid JSON: " + e.getMessage());
    }
  }

  private static byte[] write(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The outcome of a compatibility check, with the registry's reasons when incompatible. */
  public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
      messages = messages == null ? List.of() : List.copyOf(messages);
    }
  }

  /** A registry answered 2xx with a body that is not the JSON its API documents. */
  public static final class MalformedReplyException extends KraftportException {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String message) {
      super(message);
    }

    @Override
    public Kind kind() {
      return Kind.UNREACHABLE;
    }
  }
}

package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.local.ApicurioNode;
import io.kraftport.local.LocalStack;
import io.kraftport.local.SharedStack;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.SubjectSnapshot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry semantics on real Apicurio Registry 3 servers, through the packaged jar: a subject's
 * explicit NONE compatibility (which Apicurio's Confluent API cannot tell from none) survives
 * export, import and diff; and a subject whose versions are all soft-deleted is exported, imported
 * and diffed like any other.
 */
@Tag("integration")
class RegistrySemanticsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  private static String prefix(String letter) {
    return letter + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private String[] sides(
      String command, String sourceRegistry, String targetRegistry, String prefix, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--source-bootstrap-server",
                stack.sourceBootstrap(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--source-registry-url",
                sourceRegistry,
                "--target-registry-url",
                targetRegistry,
                "--include",
                "no-topics-here",
                "--subject-include",
                Pattern.quote(prefix) + ".*"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private Path export(String registry, String prefix, String name) {
    Path snapshot = dir.resolve(name);
    JarRunner.Run export =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--source-registry-url",
            registry,
            "--include",
            "no-topics-here",
            "--subject-include",
            Pattern.quote(prefix) + ".*",
            "-o",
            snapshot.toString());
    assertThat(export.code()).as(export.all()).isZero();
    return snapshot;
  }

  /** The line of the diff's table about a subject's compatibility, or null. */
  private static String compatibilityRow(String out, String subject) {
    return out.lines()
        .filter(l -> l.contains(" COMPATIBILITY ") && l.contains(subject + " "))
        .findFirst()
        .orElse(null);
  }

  private static HttpResponse<String> send(String method, String url, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Apicurio's own rules API for the artifact that holds a subject of its Confluent API. */
  private static String rules(ApicurioNode registry, String subject) {
    return registry.baseUrl()
        + "/apis/registry/v3/groups/default/artifacts/"
        + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20")
        + "/rules";
  }

  private static RegisterRequest avro(String schema) {
    return new RegisterRequest(schema, "AVRO", List.of(), null, null, null, null);
  }

  @Test
  void anExplicitNoneCompatibilityIsExportedImportedAndDiffed() throws Exception {
    String prefix = prefix("n");
    String free = prefix + "free-value";
    String strict = prefix + "strict-value";
    try (ApicurioNode source = stack.startRegistry();
        ApicurioNode target = stack.startRegistry();
        RegistryClient src = RegistryClient.create(RegistrySettings.of(source.ccompatUrl()))) {
      src.setGlobalCompatibility("BACKWARD");
      src.register(free, avro("\"string\""));
      src.register(strict, avro("\"int\""));
      src.setSubjectCompatibility(free, "NONE");

      RegistrySnapshot exported =
          SnapshotCodec.read(export(source.ccompatUrl(), prefix, "source.json")).registry();
      assertThat(exported.compatibilityOverridesKnown()).isTrue();
      assertThat(exported.findSubject(free).orElseThrow().compatibility()).isEqualTo("NONE");
      assertThat(exported.findSubject(strict).orElseThrow().compatibility())
          .as("inherits BACKWARD")
          .isNull();

      JarRunner.Run imported =
          JarRunner.run(
              sides(
                  "import",
                  source.ccompatUrl(),
                  target.ccompatUrl(),
                  prefix,
                  "--snapshot",
                  dir.resolve("source.json").toString()));
      assertThat(imported.code()).as(imported.all()).isZero();
      HttpResponse<String> rule = send("GET", rules(target, free) + "/COMPATIBILITY", null);
      assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
      assertThat(rule.body()).contains("\"config\":\"NONE\"");
      assertThat(send("GET", rules(target, strict), null).body()).isEqualTo("[]");

      JarRunner.Run parity =
          JarRunner.run(sides("diff", source.ccompatUrl(), target.ccompatUrl(), prefix));
      assertThat(parity.code()).as(parity.all()).isZero();
      assertThat(parity.out()).contains("Verdict: PARITY");

      // From an explicit NONE: the target's subject lost it and inherits BACKWARD.
      assertThat(send("DELETE", rules(target, free) + "/COMPATIBILITY", null).statusCode())
          .isEqualTo(204);
      JarRunner.Run lost =
          JarRunner.run(sides("diff", source.ccompatUrl(), target.ccompatUrl(), prefix));
      assertThat(lost.code()).as(lost.all()).isEqualTo(1);
      assertThat(compatibilityRow(lost.out(), free))
          .as(lost.out())
          .isNotNull()
          .contains("NONE", "inherits");

      // To an explicit NONE: the target's subject has one the source's lacks.
      send("PUT", target.ccompatUrl() + "/config/" + free, "{\"compatibility\":\"NONE\"}");
      send("PUT", target.ccompatUrl() + "/config/" + strict, "{\"compatibility\":\"NONE\"}");
      JarRunner.Run gained =
          JarRunner.run(sides("diff", source.ccompatUrl(), target.ccompatUrl(), prefix));
      assertThat(gained.code()).as(gained.all()).isEqualTo(1);
      assertThat(compatibilityRow(gained.out(), strict))
          .as(gained.out())
          .isNotNull()
          .contains("NONE", "inherits");
      assertThat(compatibilityRow(gained.out(), free)).as(gained.out()).isNull();
    }
  }

  @Test
  void aSubjectWhoseVersionsAreAllSoftDeletedIsExportedImportedAndDiffed() throws Exception {
    String prefix = prefix("d");
    String gone = prefix + "gone-value";
    String live = prefix + "live-value";
    int first;
    int second;
    try (RegistryClient src =
        RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()))) {
      // The prefix in a doc makes every schema new content, so each gets ids of its own.
      String doc = "\"doc\":\"" + prefix + "\",";
      first =
          src.register(gone, avro("{\"type\":\"record\",\"name\":\"G\"," + doc + "\"fields\":[]}"));
      second =
          src.register(
              gone,
              avro(
                  "{\"type\":\"record\",\"name\":\"G\","
                      + doc
                      + "\"fields\":[{\"name\":"
                      + "\"a\",\"type\":\"int\",\"default\":0}]}"));
      src.register(live, avro("{\"type\":\"record\",\"name\":\"L\"," + doc + "\"fields\":[]}"));
    }
    HttpResponse<String> deleted =
        send("DELETE", stack.sourceRegistryUrl() + "/subjects/" + gone, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);

    RegistrySnapshot exported =
        SnapshotCodec.read(export(stack.sourceRegistryUrl(), prefix, "source.json")).registry();
    SubjectSnapshot subject = exported.findSubject(gone).orElseThrow();
    assertThat(subject.deleted()).isTrue();
    assertThat(subject.versions())
        .extracting(v -> v.version() + "/" + v.id() + "/" + v.deleted())
        .containsExactly("1/" + first + "/true", "2/" + second + "/true");
    assertThat(subject.versions())
        .extracting(SchemaVersion::schema)
        .allSatisfy(s -> assertThat(s).contains("\"G\""));

    try (ApicurioNode target = stack.startRegistry();
        RegistryClient tgt = RegistryClient.create(RegistrySettings.of(target.ccompatUrl()))) {
      JarRunner.Run imported =
          JarRunner.run(
              sides(
                  "import",
                  stack.sourceRegistryUrl(),
                  target.ccompatUrl(),
                  prefix,
                  "--snapshot",
                  dir.resolve("source.json").toString()));
      assertThat(imported.code()).as(imported.all()).isZero();
      assertThat(imported.out()).contains("Registry import: APPLIED");
      assertThat(tgt.subjects(true)).contains(gone, live);
      assertThat(tgt.subjects(false)).contains(live).doesNotContain(gone);

      JarRunner.Run parity =
          JarRunner.run(
              sides(
                  "diff",
                  stack.sourceRegistryUrl(),
                  target.ccompatUrl(),
                  prefix,
                  "--all-versions"));
      assertThat(parity.code()).as(parity.all()).isZero();
      assertThat(parity.out()).contains("Verdict: PARITY");
    }

    try (ApicurioNode empty = stack.startRegistry()) {
      JarRunner.Run drift =
          JarRunner.run(sides("diff", stack.sourceRegistryUrl(), empty.ccompatUrl(), prefix));
      assertThat(drift.code()).as(drift.all()).isEqualTo(1);
      assertThat(drift.out()).contains("SUBJECT_MISSING", gone);
    }
  }
}

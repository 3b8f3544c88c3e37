package io.kraftport.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.local.ApicurioNode;
import io.kraftport.local.LocalStack;
import io.kraftport.local.RegistrySeeder;
import io.kraftport.local.SharedStack;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.SubjectSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas moved between two real Apicurio Registry 3 servers through the packaged jar: ids and
 * version numbers kept, soft deletes and compatibility carried, idempotent, and nothing written to
 * a conflicting target.
 */
@Tag("integration")
class RegistryMigrationIT {
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  /**
   * Seeds the shared source registry under a fresh prefix and exports it (and no topics) to a
   * snapshot.
   */
  private Path seedAndExport(String prefix) throws Exception {
    try (RegistryClient source =
        RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()))) {
      RegistrySeeder.seed(source, RegistrySeeder.load("demo-schemas.json"), prefix);
    }
    Path snapshot = dir.resolve("snapshot.json");
    JarRunner.Run export =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--source-registry-url",
            stack.sourceRegistryUrl(),
            "--include",
            "no-topics-here",
            "--subject-include",
            Pattern.quote(prefix) + ".*",
            "-o",
            snapshot.toString());
    assertThat(export.code()).as(export.all()).isZero();
    return snapshot;
  }

  private String[] sides(String command, String targetRegistry, String prefix, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                command,
                "--source-bootstrap-server",
                stack.sourceBootstrap(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--source-registry-url",
                stack.sourceRegistryUrl(),
                "--target-registry-url",
                targetRegistry,
                "--include",
                "no-topics-here",
                "--subject-include",
                Pattern.quote(prefix) + ".*"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void idsAndVersionsSurviveAndAReimportWritesNothing() throws Exception {
    String prefix = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    RegistrySnapshot exported = SnapshotCodec.read(snapshot).registry();
    assertThat(exported.flavor()).isEqualTo("apicurio");
    assertThat(exported.subjects()).hasSize(7);
    SubjectSnapshot customers = exported.findSubject(prefix + "customers-value").orElseThrow();
    assertThat(customers.versions())
        .extracting(SchemaVersion::deleted)
        .containsExactly(true, false);
    SubjectSnapshot payments = exported.findSubject(prefix + "payments-value").orElseThrow();
    assertThat(payments.versions().get(0).schemaType()).isEqualTo("PROTOBUF");
    assertThat(payments.versions().get(0).references())
        .extracting(SchemaVersion.SchemaReference::subject)
        .containsExactly(prefix + "acme-money-proto");
    int ordersKey =
        exported.findSubject(prefix + "orders-key").orElseThrow().versions().get(0).id();
    assertThat(exported.findSubject(prefix + "payments-key").orElseThrow().versions().get(0).id())
        .as("the same schema under two subjects shares one id")
        .isEqualTo(ordersKey);

    try (ApicurioNode target = stack.startRegistry()) {
      JarRunner.Run imported =
          JarRunner.run(
              sides("import", target.ccompatUrl(), prefix, "--snapshot", snapshot.toString()));
      assertThat(imported.code()).as(imported.all()).isZero();
      assertThat(imported.out())
          .contains("strategy APICURIO_ADMIN_IMPORT", "Registry import: APPLIED");

      Path after = dir.resolve("target.json");
      JarRunner.Run exportTarget =
          JarRunner.run(
              "export",
              "--source-bootstrap-server",
              stack.targetBootstrap(),
              "--source-registry-url",
              target.ccompatUrl(),
              "--include",
              "no-topics-here",
              "-o",
              after.toString());
      assertThat(exportTarget.code()).as(exportTarget.all()).isZero();
      RegistrySnapshot copied = SnapshotCodec.read(after).registry();
      for (SubjectSnapshot s : exported.subjects()) {
        SubjectSnapshot t = copied.findSubject(s.name()).orElseThrow();
        assertThat(t.versions())
            .extracting(v -> v.version() + "/" + v.id() + "/" + v.deleted())
            .as(s.name())
            .isEqualTo(
                s.versions().stream()
                    .map(v -> v.version() + "/" + v.id() + "/" + v.deleted())
                    .toList());
      }

      JarRunner.Run diff = JarRunner.run(sides("diff", target.ccompatUrl(), prefix));
      assertThat(diff.code()).as(diff.all()).isZero();
      assertThat(diff.out()).contains("Verdict: PARITY");

      JarRunner.Run again =
          JarRunner.run(
              sides("import", target.ccompatUrl(), prefix, "--snapshot", snapshot.toString()));
      assertThat(again.code()).as(again.all()).isZero();
      assertThat(again.out())
          .contains("strategy NONE", "0 to register", "Registry import: NOTHING_TO_DO");
    }
  }

  /**
   * Apicurio refuses an import ZIP above an entry limit (10,000 by default), so a large registry
   * goes in several archives. A tiny limit makes the demo schemas take that path on a real server.
   */
  @Test
  void aRegistryImportedInSeveralArchivesKeepsItsIds() throws Exception {
    String prefix = "z" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    try (ApicurioNode target = stack.startRegistry()) {
      Map<String, String> smallArchives =
          Map.of("JAVA_TOOL_OPTIONS", "-Dkraftport.apicurio.import.maxEntries=12");
      JarRunner.Run imported =
          JarRunner.run(
              smallArchives,
              sides("import", target.ccompatUrl(), prefix, "--snapshot", snapshot.toString()));
      assertThat(imported.code()).as(imported.all()).isZero();
      assertThat(imported.out()).contains("Registry import: APPLIED");
      JarRunner.Run diff = JarRunner.run(sides("diff", target.ccompatUrl(), prefix));
      assertThat(diff.code()).as(diff.all()).isZero();
      assertThat(diff.out()).contains("Verdict: PARITY");
    }
  }

  @Test
  void aConflictingTargetAbortsBeforeAnyWrite() throws Exception {
    String prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    try (ApicurioNode target = stack.startRegistry();
        RegistryClient client = RegistryClient.create(RegistrySettings.of(target.ccompatUrl()))) {
      client.register(
          prefix + "orders-key",
          new RegisterRequest("{\"type\":\"int\"}", "AVRO", List.of(), null, null, null, null));
      JarRunner.Run imported =
          JarRunner.run(
              sides("import", target.ccompatUrl(), prefix, "--snapshot", snapshot.toString()));
      assertThat(imported.code()).as(imported.all()).isEqualTo(1);
      assertThat(imported.out()).contains("CONFLICT", prefix + "orders-key", "nothing was written");
      assertThat(client.subjects(true)).containsExactly(prefix + "orders-key");
      assertThat(client.versions(prefix + "orders-key", true)).containsExactly(1);
    }
  }

  @Test
  void aSchemaThatDoesNotParseStopsTheImportWithExit2() throws Exception {
    String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    Snapshot s = SnapshotCodec.read(snapshot);
    String broken =
        SnapshotCodec.toJson(s).replace("\"name\\\":\\\"Money\\\"", "\"name\\\":\\\"Mo ney\\\"");
    assertThat(broken).isNotEqualTo(SnapshotCodec.toJson(s));
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, broken);
    try (ApicurioNode target = stack.startRegistry();
        RegistryClient client = RegistryClient.create(RegistrySettings.of(target.ccompatUrl()))) {
      JarRunner.Run imported =
          JarRunner.run(sides("import", target.ccompatUrl(), prefix, "--snapshot", bad.toString()));
      assertThat(imported.code()).as(imported.all()).isEqualTo(2);
      assertThat(imported.err()).contains(prefix + "common-money");
      assertThat(client.subjects(true)).isEmpty();
    }
  }

  @Test
  void aRegistryThatRefusesOurCredentialsIsExit3AndTheSecretStaysHidden() throws Exception {
    // Apicurio authenticates only through an OpenID Connect server; WireMock plays the registry
    // that answers 401.
    WireMockServer server =
        new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("."));
    server.start();
    try {
      String secret = "s3cr3t-" + UUID.randomUUID();
      Path config = dir.resolve("m.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "source.bootstrap.servers=" + stack.sourceBootstrap(),
              "source.schema.registry.url=http://127.0.0.1:" + server.port() + "/faults/auth",
              "source.basic.auth.credentials.source=USER_INFO",
              "source.basic.auth.user.info=migrator:${env:KP_REGISTRY_SECRET}",
              ""));
      Path out = dir.resolve("s.json");
      JarRunner.Run r =
          JarRunner.run(
              Map.of("KP_REGISTRY_SECRET", secret),
              "export",
              "--config",
              config.toString(),
              "--include",
              "no-topics-here",
              "-o",
              out.toString(),
              "--verbose");
      assertThat(r.code()).as(r.all()).isEqualTo(3);
      assertThat(r.err()).contains("kraftport: error:", "/faults/auth", "401");
      assertThat(r.all()).doesNotContain(secret);
      assertThat(out).doesNotExist();
      assertThat(server.getAllServeEvents())
          .isNotEmpty()
          .allSatisfy(
              e -> assertThat(e.getRequest().getHeader("Authorization")).startsWith("Basic "));
    } finally {
      server.stop();
    }
  }
}

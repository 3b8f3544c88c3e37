package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.local.ApicurioNode;
import io.kraftport.local.KraftNode;
import io.kraftport.local.LocalStack;
import io.kraftport.local.RegistrySeeder;
import io.kraftport.local.SharedStack;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.snapshot.ConfigValue;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What import and gate must not do silently, on the real servers: write half a plan the target
 * partly refuses, drop a {@code __} topic the user named, hide how many topics a filter left out,
 * leave a CI job without reports when a password is wrong, and keep quiet about a target that
 * creates topics on first use.
 */
@Tag("integration")
class ImportSafetyIT {
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  static String prefix() {
    return "is" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  static Admin admin(String bootstrap) {
    return Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  static Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }
  }

  static TopicSpec topic(String name, int partitions, int rf, Map<String, String> configs) {
    Map<String, ConfigValue> values = new TreeMap<>();
    configs.forEach((k, v) -> values.put(k, ConfigValue.of(v, "DYNAMIC_TOPIC_CONFIG")));
    return new TopicSpec(name, partitions, rf, null, new TreeMap<>(values));
  }

  private Path write(Snapshot s, String name) {
    Path file = dir.resolve(name);
    SnapshotCodec.write(s, file);
    return file;
  }

  private static Snapshot snapshot(List<TopicSpec> topics) {
    return SnapshotCodec.parse(
            "{\"formatVersion\": 1, \"cluster\": {\"clusterId\": \"x\", \"brokerCount\": 3}}",
            "inline")
        .withTopics(topics);
  }

  @Test
  void aTopicTheTargetRefusesStopsTheWholeImportTopicsAndSchemas() throws Exception {
    String prefix = prefix();
    String subjectPrefix = prefix.replace('.', '-');
    try (RegistryClient source =
        RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()))) {
      RegistrySeeder.seed(source, RegistrySeeder.load("demo-schemas.json"), subjectPrefix);
    }
    Path exported = dir.resolve("exported.json");
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
            Pattern.quote(subjectPrefix) + ".*",
            "-o",
            exported.toString());
    assertThat(export.code()).as(export.all()).isZero();
    Snapshot withSchemas =
        SnapshotCodec.read(exported)
            .withTopics(
                List.of(
                    topic(prefix + "good", 2, 1, Map.of()),
                    topic(prefix + "huge", 1_000_000_000, 1, Map.of()),
                    topic(prefix + "abc", 1, 1, Map.of("retention.ms", "abc")),
                    topic(prefix + "wide", 1, 3, Map.of())));
    assertThat(withSchemas.registry().subjects()).isNotEmpty();
    Path file = write(withSchemas, "refused.json");
    Path report = dir.resolve("import.json");

    try (ApicurioNode targetRegistry = stack.startRegistry();
        RegistryClient client =
            RegistryClient.create(RegistrySettings.of(targetRegistry.ccompatUrl()))) {
      JarRunner.Run refused =
          JarRunner.run(
              "import",
              "--target-bootstrap-server",
              stack.targetBootstrap(),
              "--target-registry-url",
              targetRegistry.ccompatUrl(),
              "--snapshot",
              file.toString(),
              "--report-json",
              report.toString());
      assertThat(refused.code()).as(refused.all()).isEqualTo(1);
      assertThat(refused.out())
          .containsPattern("REFUSED +" + Pattern.quote(prefix + "huge"))
          .containsPattern("REFUSED +" + Pattern.quote(prefix + "abc"))
          .containsPattern("REFUSED +" + Pattern.quote(prefix + "wide"))
          .containsPattern("CREATE +" + Pattern.quote(prefix + "good"))
          .contains(prefix + "abc: the target refused it: InvalidConfigurationException")
          .contains("Refused: nothing was written, because the target refuses 3 topics")
          .contains("--allow-partial");
      assertThat(topics(stack.targetBootstrap()))
          .doesNotContain(prefix + "good", prefix + "huge", prefix + "abc", prefix + "wide");
      // The registry import did not start either.
      assertThat(client.subjects(true)).isEmpty();
      assertThat(Files.readString(report)).contains("\"action\" : \"REFUSED\"", "\"leftOut\"");

      JarRunner.Run partial =
          JarRunner.run(
              "import",
              "--target-bootstrap-server",
              stack.targetBootstrap(),
              "--snapshot",
              file.toString(),
              "--no-registry",
              "--allow-partial");
      assertThat(partial.code()).as(partial.all()).isEqualTo(1);
      assertThat(partial.out()).contains("Imported: 1 created", "3 not imported");
      assertThat(topics(stack.targetBootstrap()))
          .contains(prefix + "good")
          .doesNotContain(prefix + "huge", prefix + "abc", prefix + "wide");
    }
  }

  @Test
  void anAlterTheTargetRefusesStopsTheCreatesAndThePartitionIncreaseToo() throws Exception {
    String prefix = prefix();
    String existing = prefix + "existing";
    try (Admin target = admin(stack.targetBootstrap())) {
      // Listed by the broker before the import plans, so the plan sees it as existing (an ALTER).
      Topics.create(
          target,
          List.of(new NewTopic(existing, 1, (short) 1).configs(Map.of("retention.ms", "1000"))));
    }
    Path file =
        write(
            snapshot(
                List.of(
                    topic(existing, 3, 1, Map.of("retention.ms", "abc")),
                    topic(prefix + "new", 1, 1, Map.of()))),
            "alter.json");
    JarRunner.Run refused =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            file.toString(),
            "--alter-existing");
    assertThat(refused.code()).as(refused.all()).isEqualTo(1);
    assertThat(refused.out())
        .containsPattern("REFUSED +" + Pattern.quote(existing))
        .contains("Refused: nothing was written");
    assertThat(topics(stack.targetBootstrap())).doesNotContain(prefix + "new");
    try (Admin target = admin(stack.targetBootstrap())) {
      assertThat(
              target
                  .describeTopics(List.of(existing))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(existing)
                  .partitions())
          .hasSize(1);
    }
  }

  @Test
  void validatingTwoThousandTopicsStaysUnderTheControllersRecordLimit() throws Exception {
    String prefix = prefix();
    List<TopicSpec> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      // 2,000 x (1 topic + 5 partitions + 1 config) records: far over 10,000 in one request.
      many.add(topic(prefix + String.format("t%04d", i), 5, 1, Map.of("retention.ms", "86400000")));
    }
    many.add(topic(prefix + "zz-bad", 1, 1, Map.of("retention.ms", "abc")));
    Path file = write(snapshot(many), "many.json");
    JarRunner.Run refused =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            file.toString());
    assertThat(refused.code()).as(refused.all()).isEqualTo(1);
    assertThat(refused.out())
        .contains("Refused: nothing was written, because the target refuses 1 topics")
        .contains("Topics: 2000 to create");
    assertThat(topics(stack.targetBootstrap()).stream().filter(t -> t.startsWith(prefix)))
        .isEmpty();
  }

  @Test
  void anIncludeThatNamesADoubleUnderscoreTopicSelectsItAndTheFiltersSayWhatTheyLeftOut()
      throws Exception {
    String prefix = prefix();
    String audit = "__" + prefix + "audit";
    Path file =
        write(
            snapshot(
                List.of(
                    topic(audit, 1, 1, Map.of()),
                    topic(prefix + "orders", 1, 1, Map.of()),
                    topic(prefix + "clicks", 1, 1, Map.of()),
                    topic("__consumer_offsets", 50, 1, Map.of()))),
            "internal.json");
    String include =
        Pattern.quote(audit) + "|" + Pattern.quote(prefix + "orders") + "|__consumer_offsets";

    JarRunner.Run imported =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            file.toString(),
            "--include",
            include);
    assertThat(imported.code()).as(imported.all()).isZero();
    assertThat(imported.out())
        .containsPattern("CREATE +" + Pattern.quote(audit))
        .contains("Imported: 2 created")
        .contains("left out by the filters: 1 by --include/--exclude, 1 internal");
    assertThat(topics(stack.targetBootstrap()))
        .contains(audit, prefix + "orders")
        .doesNotContain(prefix + "clicks");

    JarRunner.Run diff =
        JarRunner.run(
            "diff",
            "--source-snapshot",
            file.toString(),
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--include",
            include,
            "--no-registry");
    assertThat(diff.code()).as(diff.all()).isZero();
    assertThat(diff.out())
        .contains("topics left out by --include/--exclude (source): 1")
        .contains("topics left out as internal (source): 1")
        .contains("topics (source): 2");
  }

  private Path scramConfig(String password) throws Exception {
    Path f = dir.resolve("migration.properties");
    Files.writeString(
        f,
        String.join(
            "\n",
            "source.bootstrap.servers=" + stack.sourceBootstrap(),
            "target.bootstrap.servers=" + stack.targetSaslBootstrap(),
            "target.security.protocol=SASL_PLAINTEXT",
            "target.sasl.mechanism=SCRAM-SHA-512",
            "target.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"admin\" password=\""
                + password
                + "\";",
            ""));
    return f;
  }

  @Test
  void aGateThatCannotAuthenticateStillWritesEveryReportWithTheFailedCheck() throws Exception {
    String password = stack.targetAdminPassword() + "-wrong";
    Path config = scramConfig(password);
    Path json = dir.resolve("gate.json");
    Path junit = dir.resolve("gate.xml");
    Path md = dir.resolve("gate.md");
    Path html = dir.resolve("gate.html");
    JarRunner.Run gate =
        JarRunner.run(
            "gate",
            "--config",
            config.toString(),
            "--no-registry",
            "--include",
            Pattern.quote(prefix()) + ".*",
            "--skip-client-check",
            "--report-json",
            json.toString(),
            "--report-junit",
            junit.toString(),
            "--report-md",
            md.toString(),
            "--report-html",
            html.toString());
    assertThat(gate.code()).as(gate.all()).isEqualTo(3);
    assertThat(gate.err())
        .contains(
            "kraftport: error: target cluster ("
                + stack.targetSaslBootstrap()
                + "): authentication failed");
    assertThat(gate.out()).containsPattern("parity +FAIL +could not run: target cluster");
    for (Path report : List.of(json, junit, md, html)) {
      assertThat(report).exists();
      String text = Files.readString(report);
      assertThat(text)
          .as(report.toString())
          .contains(
              "CLOSED",
              "parity",
              "authentication failed",
              "target-healthy",
              "not run: the gate stopped at parity");
    }
    assertThat(gate.all()).doesNotContain(password);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> !p.equals(config)).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password);
      }
    }
  }

  @Test
  void theSharedTargetDoesNotAutoCreateTopicsAndSaysNothing() throws Exception {
    String prefix = prefix();
    Path file = write(snapshot(List.of(topic(prefix + "a", 1, 1, Map.of()))), "one.json");
    JarRunner.Run dry =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            file.toString(),
            "--dry-run");
    assertThat(dry.code()).as(dry.all()).isZero();
    assertThat(dry.out()).doesNotContain("auto.create.topics.enable");
  }

  @Test
  void aTargetThatAutoCreatesTopicsIsFlaggedInThePlanAndClosesTheGate() throws Exception {
    String prefix = prefix();
    try (Admin source = admin(stack.sourceBootstrap())) {
      source
          .createTopics(List.of(new NewTopic(prefix + "events", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    // auto.create.topics.enable is read-only (no dynamic value), so the node starts with it in
    // server.properties.
    try (KraftNode node = stack.startKraftNode(List.of("auto.create.topics.enable=true"))) {
      Path snapshot = dir.resolve("snapshot.json");
      JarRunner.Run export =
          JarRunner.run(
              "export",
              "--source-bootstrap-server",
              stack.sourceBootstrap(),
              "--no-registry",
              "--include",
              Pattern.quote(prefix) + ".*",
              "-o",
              snapshot.toString());
      assertThat(export.code()).as(export.all()).isZero();
      Path report = dir.resolve("import.json");
      JarRunner.Run imported =
          JarRunner.run(
              "import",
              "--target-bootstrap-server",
              node.bootstrapServers(),
              "--snapshot",
              snapshot.toString(),
              "--report-json",
              report.toString());
      assertThat(imported.code()).as(imported.all()).isZero();
      assertThat(imported.out())
          .contains(
              "Warning: auto.create.topics.enable=true on broker(s) 1",
              "fix: auto.create.topics.enable=false");
      assertThat(Files.readString(report))
          .contains(
              "\"warnings\"",
              "\"setting\" : \"auto.create.topics.enable\"",
              "\"value\" : \"true\"");

      JarRunner.Run gate =
          JarRunner.run(
              "gate",
              "--source-bootstrap-server",
              stack.sourceBootstrap(),
              "--target-bootstrap-server",
              node.bootstrapServers(),
              "--no-registry",
              "--include",
              Pattern.quote(prefix) + ".*",
              "--groups",
              Pattern.quote(prefix) + ".*",
              "--skip-client-check");
      assertThat(gate.code()).as(gate.all()).isEqualTo(1);
      assertThat(gate.out())
          .containsPattern("target-healthy +FAIL +auto.create.topics.enable is true")
          .containsPattern("parity +PASS");
    }
  }
}

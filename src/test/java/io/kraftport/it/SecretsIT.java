package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.local.LocalStack;
import io.kraftport.local.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that needs SASL/SCRAM-SHA-512, reached from a {@code --config} file whose password is an
 * {@code ${env:...}} placeholder: the migration works, and the password shows up in no output, log
 * or file.
 */
@Tag("integration")
class SecretsIT {
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  private Path config() throws Exception {
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
                + " username=\"admin\" password=\"${env:KP_TARGET_PASSWORD}\";",
            ""));
    return f;
  }

  @Test
  void scramTargetWorksAndThePasswordLeaksNowhere() throws Exception {
    String password = stack.targetAdminPassword();
    String prefix = "sec" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Admin source = Admin.create(Map.of("bootstrap.servers", stack.sourceBootstrap()))) {
      source
          .createTopics(
              List.of(
                  new NewTopic(prefix + "a", 2, (short) 1).configs(Map.of("retention.ms", "1234"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Path config = config();
    Path snapshot = dir.resolve("snapshot.json");
    Path importReport = dir.resolve("import.json");
    Path diffReport = dir.resolve("diff.json");
    Map<String, String> env = Map.of("KP_TARGET_PASSWORD", password);
    String include = java.util.regex.Pattern.quote(prefix) + ".*";
    List<JarRunner.Run> runs = new ArrayList<>();

    runs.add(
        JarRunner.run(
            env,
            "export",
            "--config",
            config.toString(),
            "--include",
            include,
            "-o",
            snapshot.toString(),
            "--verbose"));
    runs.add(
        JarRunner.run(
            env,
            "import",
            "--config",
            config.toString(),
            "--snapshot",
            snapshot.toString(),
            "--report-json",
            importReport.toString(),
            "--verbose"));
    runs.add(
        JarRunner.run(
            env,
            "diff",
            "--config",
            config.toString(),
            "--include",
            include,
            "--report-json",
            diffReport.toString(),
            "--verbose"));
    for (JarRunner.Run r : runs) {
      assertThat(r.code()).as(r.all()).isZero();
    }
    assertThat(runs.get(1).out()).contains("Imported: 1 created");
    assertThat(runs.get(2).out()).contains("Verdict: PARITY");

    JarRunner.Run wrong =
        JarRunner.run(
            Map.of("KP_TARGET_PASSWORD", password + "-wrong"),
            "import",
            "--config",
            config.toString(),
            "--snapshot",
            snapshot.toString(),
            "--verbose");
    assertThat(wrong.code()).as(wrong.all()).isEqualTo(3);
    assertThat(wrong.err())
        .contains(
            "kraftport: error: target cluster ("
                + stack.targetSaslBootstrap()
                + "): authentication failed");
    runs.add(wrong);

    JarRunner.Run missing =
        JarRunner.run(
            Map.of(), "import", "--config", config.toString(), "--snapshot", snapshot.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip())
        .isEqualTo(
            "kraftport: error: "
                + config
                + ": target.sasl.jaas.config: environment variable KP_TARGET_PASSWORD is not set");

    for (JarRunner.Run r : runs) {
      assertThat(r.all()).doesNotContain(password);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> !p.equals(config)).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password);
      }
    }
  }
}

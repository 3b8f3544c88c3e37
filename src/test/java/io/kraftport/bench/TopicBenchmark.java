package io.kraftport.bench;

import static io.kraftport.bench.Stopwatch.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.config.SideConfig;
import io.kraftport.diff.Difference;
import io.kraftport.diff.TopicDiffer;
import io.kraftport.kafka.ClusterReader;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.kafka.TopicFilter;
import io.kraftport.kafka.TopicImporter;
import io.kraftport.local.KraftNode;
import io.kraftport.local.LocalStack;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The topic benchmark (run with {@code mvn verify -Pbenchmark}): seeds N topics on a local
 * ZooKeeper-mode source, times export, import and diff, and in the same run one raw batched {@code
 * Admin.createTopics} of the same topics on a fresh KRaft target as the baseline. Prints figures
 * and ratios; asserts only that the work was done, never a time.
 */
@Tag("benchmark")
class TopicBenchmark {
  private static final int TOPICS = Integer.getInteger("benchmark.topics", 2000);
  private static final int PARTITIONS = 3;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void topics() throws Exception {
    try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withRegistries(false))) {
      KraftNode rawTarget = stack.startKraftNode();
      List<NewTopic> topics = new ArrayList<>();
      for (int i = 0; i < TOPICS; i++) {
        topics.add(
            new NewTopic(String.format("bench.t%05d", i), PARTITIONS, (short) 1)
                .configs(
                    Map.of(
                        "retention.ms", Long.toString(3_600_000L * (1 + i % 48)),
                        "cleanup.policy", i % 5 == 0 ? "compact" : "delete",
                        "max.message.bytes", Integer.toString(1_048_576 + i % 7))));
      }
      long seed = time(() -> createInBatches(stack.sourceBootstrap(), topics, 250));
      SideConfig source = side("source", stack.sourceBootstrap());
      SideConfig target = side("target", stack.targetBootstrap());
      TopicFilter filter =
          new TopicFilter(List.of(java.util.regex.Pattern.compile("bench\\..*")), List.of(), false);

      List<List<TopicSpec>> exported = new ArrayList<>();
      long export =
          time(
              () -> {
                try (KafkaAdmins.Connection c = KafkaAdmins.connect(source, TIMEOUT)) {
                  exported.add(new ClusterReader(c).topics(filter));
                }
              });
      assertThat(exported.get(0)).hasSize(TOPICS);

      List<TopicPlan> outcome = new ArrayList<>();
      long[] planMs = new long[1];
      long importMs =
          time(
              () -> {
                try (KafkaAdmins.Connection c = KafkaAdmins.connect(target, TIMEOUT)) {
                  TopicImporter importer = new TopicImporter(c, ConfigTranslations.standard());
                  long p0 = System.nanoTime();
                  TopicPlan plan =
                      importer.plan(exported.get(0), filter, TopicImporter.Options.DEFAULTS);
                  planMs[0] = (System.nanoTime() - p0) / 1_000_000;
                  outcome.add(importer.apply(plan));
                }
              });
      assertThat(outcome.get(0).count(TopicStep.Action.CREATE)).isEqualTo(TOPICS);
      assertThat(outcome.get(0).hasProblems()).isFalse();

      long raw = time(() -> createInBatches(rawTarget.bootstrapServers(), topics, 1000));

      List<Difference> diffs = new ArrayList<>();
      long diff =
          time(
              () -> {
                try (KafkaAdmins.Connection s = KafkaAdmins.connect(source, TIMEOUT);
                    KafkaAdmins.Connection t = KafkaAdmins.connect(target, TIMEOUT)) {
                  diffs.addAll(
                      new TopicDiffer(ConfigTranslations.standard())
                          .diff(
                              new ClusterReader(s).topics(filter),
                              new ClusterReader(t).topics(filter),
                              TopicDiffer.Options.DEFAULTS));
                }
              });
      assertThat(diffs).noneMatch(Difference::isDrift);

      Path dir = Files.createTempDirectory("kraftport-bench");
      Path snapshot = dir.resolve("snapshot.json");
      long jarExport =
          time(
              () ->
                  jar(
                      "export",
                      "--source-bootstrap-server",
                      stack.sourceBootstrap(),
                      "--include",
                      "bench\\..*",
                      "-o",
                      snapshot.toString()));
      long jarDiff =
          time(
              () ->
                  jar(
                      "diff",
                      "--source-snapshot",
                      snapshot.toString(),
                      "--target-bootstrap-server",
                      stack.targetBootstrap(),
                      "--include",
                      "bench\\..*"));
      long size = Files.size(snapshot);
      Files.deleteIfExists(snapshot);
      Files.deleteIfExists(dir);

      System.out.printf(
          "%n=== kraftport topic benchmark: %d topics x %d partitions, 3 overrides each ===%n",
          TOPICS, PARTITIONS);
      System.out.printf(
          "seed source (ZooKeeper-mode %s, batches of 250)  %8d ms%n",
          stack.options().sourceKafkaVersion(), seed);
      System.out.printf("export (in process)                               %8d ms%n", export);
      System.out.printf(
          "import (in process: plan %d ms + batched create)  %8d ms%n", planMs[0], importMs);
      System.out.printf("raw batched Admin.createTopics, fresh target      %8d ms%n", raw);
      System.out.printf(
          "ratio import / raw                                %8.2f%n", (double) importMs / raw);
      System.out.printf("diff live/live (in process)                       %8d ms%n", diff);
      System.out.printf(
          "export from the jar, -Xmx256m, with JVM start     %8d ms  (snapshot %d KiB)%n",
          jarExport, size / 1024);
      System.out.printf("diff snapshot/live from the jar, -Xmx256m         %8d ms%n", jarDiff);
    }
  }

  private static SideConfig side(String name, String bootstrap) {
    return new SideConfig(name, Map.of("bootstrap.servers", bootstrap));
  }

  /**
   * Creates the topics in batches and waits until the cluster lists them all, as the importer does.
   */
  private static void createInBatches(String bootstrap, List<NewTopic> topics, int batch)
      throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "request.timeout.ms",
                "120000",
                "default.api.timeout.ms",
                "300000"))) {
      for (int i = 0; i < topics.size(); i += batch) {
        admin
            .createTopics(topics.subList(i, Math.min(topics.size(), i + batch)))
            .all()
            .get(5, TimeUnit.MINUTES);
      }
      List<String> names = topics.stream().map(NewTopic::name).toList();
      while (!admin.listTopics().names().get(1, TimeUnit.MINUTES).containsAll(names)) {
        Thread.sleep(200);
      }
    }
  }

  /** Runs the packaged jar with a 256 MB heap; fails if it does not exit 0. */
  private static void jar(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                "target/kraftport.jar"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", args)).isZero();
  }
}

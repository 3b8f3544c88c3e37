package io.kraftport.cli;

import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.local.LocalStack;
import io.kraftport.local.RegistrySeeder;
import io.kraftport.local.SampleSeeder;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport demo}: the whole job on local clusters. Starts a ZooKeeper-mode Kafka 3.9 source
 * and a KRaft Kafka 4 target on 127.0.0.1, seeds the source from the samples, runs export, import
 * and diff exactly as a user would, prints where the snapshot and report are, and stops everything.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Run export, import and diff on local clusters started for the purpose.",
    description = {
      "Run export -> import -> diff on local clusters started for the purpose: ZooKeeper plus a Kafka 3.9 broker"
          + " (ZooKeeper mode) and an Apicurio Registry as the source, a KRaft Kafka 4 node and a second, empty"
          + " Apicurio Registry as the target. Everything runs on 127.0.0.1 on free ports from artifacts Maven"
          + " resolves, and is stopped at the end.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport demo",
      "  kraftport demo --output-dir /tmp/kp --target-kafka-version 4.1.2",
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      defaultValue = "kraftport-demo",
      description =
          "Where the demo writes its config, snapshot and report (default: ${DEFAULT-VALUE}).")
  Path outputDir;

  @Option(
      names = "--source-kafka-version",
      paramLabel = "VERSION",
      description = "The ZooKeeper-mode Kafka version of the source (default: 3.9.2).")
  String sourceVersion;

  @Option(
      names = "--target-kafka-version",
      paramLabel = "VERSION",
      description = "The KRaft Kafka version of the target (default: 4.0.2, as on MSK).")
  String targetVersion;

  @Option(names = "--no-registry", description = "Leave the schema registries out (Kafka only).")
  boolean noRegistry;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    LocalStack.Options options = localOptions();
    console.progress(starting(options));
    try (LocalStack stack = LocalStack.start(options)) {
      console.progress("Source " + stack.sourceBootstrap() + ", target " + stack.targetBootstrap());
      String registries = seed(stack, console);
      Path config = outputDir.resolve("migration.properties");
      Path snapshot = outputDir.resolve("snapshot.json");
      write(
          config,
          "# Written by kraftport demo: the local clusters it started.\n"
              + "source.bootstrap.servers="
              + stack.sourceBootstrap()
              + "\n"
              + "target.bootstrap.servers="
              + stack.targetBootstrap()
              + "\n"
              + registries);
      step(console, "export", "--config", config.toString(), "--output", snapshot.toString());
      step(console, "import", "--config", config.toString(), "--snapshot", snapshot.toString());
      int diff =
          step(console, with(reportFlags("diff-report"), "diff", "--config", config.toString()));
      int gate =
          step(
              console,
              with(
                  reportFlags("gate-report"),
                  "gate",
                  "--config",
                  config.toString(),
                  "--source-jmx",
                  stack.source().jmxAddress()));
      printWhere(console, snapshot);
      console.progress("Stopping the local clusters ...");
      return Math.max(diff, gate);
    }
  }

  /**
   * Seeds the source cluster and, unless left out, its registry; returns the registry lines of the
   * config.
   */
  private String seed(LocalStack stack, Console console) {
    List<String> topics;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.sourceBootstrap()))) {
      topics =
          SampleSeeder.seed(
              admin,
              new ClusterEndpoint("source", stack.sourceBootstrap(), Duration.ofSeconds(30)),
              SampleSeeder.load("demo-topics.json"),
              "");
    }
    console.progress(
        "Seeded the source with " + topics.size() + " topics (samples/demo-topics.json)");
    if (noRegistry) {
      return "";
    }
    try (RegistryClient registry =
        RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()))) {
      int versions =
          RegistrySeeder.seed(registry, RegistrySeeder.load("demo-schemas.json"), "").size();
      console.progress(
          "Seeded the source registry with "
              + versions
              + " schema versions (samples/demo-schemas.json)");
    }
    return "source.schema.registry.url="
        + stack.sourceRegistryUrl()
        + "\n"
        + "target.schema.registry.url="
        + stack.targetRegistryUrl()
        + "\n";
  }

  private String[] reportFlags(String base) {
    Path b = outputDir.resolve(base);
    return new String[] {
      "--report-json",
      b + ".json",
      "--report-junit",
      b + ".xml",
      "--report-md",
      b + ".md",
      "--report-html",
      b + ".html"
    };
  }

  private static String[] with(String[] flags, String... args) {
    String[] out = new String[args.length + flags.length];
    System.arraycopy(args, 0, out, 0, args.length);
    System.arraycopy(flags, 0, out, args.length, flags.length);
    return out;
  }

  private int step(Console console, String... args) {
    console.essential("");
    console.essential("$ kraftport " + String.join(" ", args));
    CommandLine root = spec.root().commandLine();
    int code = KraftportCommand.newCommandLine(root.getOut(), root.getErr(), args).execute(args);
    if (code != ExitCodes.OK && !args[0].equals("diff") && !args[0].equals("gate")) {
      throw new IllegalStateException(
          "the demo's '" + args[0] + "' step failed with exit code " + code);
    }
    return code;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local clusters to start: the default versions unless the flags name others. */
  private LocalStack.Options localOptions() {
    LocalStack.Options options = LocalStack.Options.defaults().withRegistries(!noRegistry);
    if (sourceVersion != null || targetVersion != null) {
      options =
          options.withVersions(
              sourceVersion == null ? options.sourceKafkaVersion() : sourceVersion,
              targetVersion == null ? options.targetKafkaVersion() : targetVersion,
              options.apicurioVersion());
    }
    return options;
  }

  private String starting(LocalStack.Options options) {
    return "Starting local clusters: ZooKeeper + Kafka "
        + options.sourceKafkaVersion()
        + " (source), KRaft Kafka "
        + options.targetKafkaVersion()
        + " (target)"
        + (noRegistry
            ? ""
            : ", two Apicurio Registry " + options.apicurioVersion() + " (source and target)")
        + " ...";
  }

  /** Where the demo left its snapshot and reports. */
  private void printWhere(Console console, Path snapshot) {
    console.essential("");
    console.essential("Snapshot: " + snapshot.toAbsolutePath());
    console.essential(
        "Reports:  " + outputDir.toAbsolutePath().resolve("diff-report.{json,xml,md,html}"));
    console.essential(
        "          " + outputDir.toAbsolutePath().resolve("gate-report.{json,xml,md,html}"));
  }
}

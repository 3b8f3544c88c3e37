package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.kafka.ClusterReader;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.TopicSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kraftport export}: snapshots the source cluster into one deterministic JSON file. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Snapshot the source cluster's topics (and schema registry) into one deterministic JSON file.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport export --config migration.properties --output snapshot.json",
      "  kraftport export --source-bootstrap-server localhost:9092 --include 'orders\\..*' --output orders.json",
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
      description = "Where to write the snapshot ('-' for stdout, the default).")
  String output;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationConfig config = connection.load();
    long started = System.nanoTime();
    Snapshot snapshot;
    try (KafkaAdmins.Connection source = KafkaAdmins.connect(config.source(), connection.timeout())) {
      console.progress("Exporting topics from " + source.endpoint() + " ...");
      ClusterReader reader = new ClusterReader(source);
      ClusterInfo info = reader.clusterInfo();
      List<TopicSpec> specs = reader.topics(topics.filter());
      snapshot = new Snapshot(Snapshot.FORMAT_VERSION, VersionProvider.version(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), info, specs, null);
    }
    if (output.equals("-")) {
      spec.commandLine().getOut().print(SnapshotCodec.toJson(snapshot));
      spec.commandLine().getOut().flush();
    } else {
      SnapshotCodec.write(snapshot, Path.of(output));
      console.essential("Exported " + snapshot.topics().size() + " topics to " + output + " in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
    return ExitCodes.OK;
  }
}

package io.kraftport.cli;

import io.kraftport.InvalidInputException;
import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.config.SideConfig;
import io.kraftport.diff.Difference;
import io.kraftport.diff.TopicDiffer;
import io.kraftport.kafka.ClusterReader;
import io.kraftport.kafka.ConfigTranslations;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.kafka.TopicFilter;
import io.kraftport.report.Report;
import io.kraftport.report.TextReports;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport diff}: compares two sides for parity, each side live or from a snapshot. Exit 0 on parity, 1 when
 * a difference is drift.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Compare two sides for parity: topic count, missing and extra topics, partitions, replication factor and"
          + " effective configs. Either side can be live or a snapshot file.",
      "What the importer translates on purpose is shown as TRANSLATED, not as drift.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport diff --config migration.properties",
      "  kraftport diff --source-snapshot before.json --target-snapshot after.json --report-json diff.json",
      "  kraftport diff --source-snapshot snapshot.json --target-bootstrap-server kraft:9092",
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Option(names = "--source-snapshot", paramLabel = "FILE", description = "Read the source side from a snapshot.")
  Path sourceSnapshot;

  @Option(names = "--target-snapshot", paramLabel = "FILE", description = "Read the target side from a snapshot.")
  Path targetSnapshot;

  @Option(names = "--replication-factor", paramLabel = "N",
      description = "The cap the import was run with: a target RF equal to min(source RF, N) is accepted.")
  Integer replicationFactor;

  @Mixin ReportOptions reports;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationConfig config = needsLiveSide() ? connection.load() : null;
    TopicFilter filter = topics.filter();
    Side source = side("source", sourceSnapshot, config == null ? null : config.source(), filter, console);
    Side target = side("target", targetSnapshot, config == null ? null : config.target(), filter, console);
    List<Difference> differences = new ArrayList<>(new TopicDiffer(ConfigTranslations.standard())
        .diff(source.topics(), target.topics(), new TopicDiffer.Options(replicationFactor)));
    Map<String, Integer> counts = new TreeMap<>();
    counts.put("topics (source)", source.topics().size());
    counts.put("topics (target)", target.topics().size());
    Report report = Report.of(source.label(), target.label(), counts, differences);
    console.print(TextReports.diff(report));
    reports.write(report);
    if (console.isQuiet()) {
      console.essential("Verdict: " + report.verdict());
    }
    return report.parity() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  private boolean needsLiveSide() {
    return sourceSnapshot == null || targetSnapshot == null;
  }

  private record Side(String label, List<TopicSpec> topics) {}

  private Side side(String name, Path snapshotFile, SideConfig live, TopicFilter filter, Console console) {
    if (snapshotFile != null) {
      Snapshot s = SnapshotCodec.read(snapshotFile);
      return new Side("snapshot " + snapshotFile + " (cluster " + s.cluster().clusterId() + ")",
          s.topics().stream().filter(t -> filter.test(t.name())).toList());
    }
    if (live.bootstrapServers().isEmpty()) {
      throw new InvalidInputException("no " + name + " side: pass --" + name + "-snapshot, --" + name
          + "-bootstrap-server, or set " + name + ".bootstrap.servers in --config");
    }
    Duration timeout = connection.timeout();
    try (KafkaAdmins.Connection c = KafkaAdmins.connect(live, timeout)) {
      console.progress("Reading topics from " + c.endpoint() + " ...");
      ClusterReader reader = new ClusterReader(c);
      String clusterId = reader.clusterInfo().clusterId();
      return new Side(c.endpoint() + " cluster " + clusterId, reader.topics(filter));
    }
  }
}

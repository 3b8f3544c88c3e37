package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.migrate.ParityRequest;
import io.kraftport.migrate.ParityResult;
import io.kraftport.migrate.ParityService;
import io.kraftport.report.Report;
import io.kraftport.report.TextReports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport diff}: compares two sides for parity, each side live or from a snapshot. Exit 0
 * on parity, 1 when a difference is drift.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Compare two sides (live or snapshot) for parity; exit 1 on drift.",
    description = {
      "Compare two sides for parity: topic count, missing and extra topics, partitions, replication factor and"
          + " effective configs; subjects, versions, schema ids, canonical schema text, references, compatibility"
          + " and modes. Either side can be live or a snapshot file.",
      "With both registries, records written with the source schema and id must read back through the target"
          + " registry (round-trips), producers' lookups must find the source ids, and the target must accept the"
          + " latest schemas; --sample-records N also reads real records from the source topics.",
      "What the importer translates on purpose is shown as TRANSLATED, accepted differences as ACCEPTED; only"
          + " DRIFT fails.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport diff --config migration.properties --report-junit parity.xml --report-md parity.md",
      "  kraftport diff --source-snapshot before.json --target-snapshot after.json --report-json diff.json",
      "  kraftport diff --source-snapshot snapshot.json --target-bootstrap-server kraft:9092 --no-registry",
      "  kraftport diff --config migration.properties --sample-records 100 --all-versions",
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Mixin RegistryOptions registry;

  @Mixin ParityOptions parity;

  @Option(
      names = "--source-snapshot",
      paramLabel = "FILE",
      description = "Read the source side from a snapshot.")
  Path sourceSnapshot;

  @Option(
      names = "--target-snapshot",
      paramLabel = "FILE",
      description = "Read the target side from a snapshot.")
  Path targetSnapshot;

  @Mixin ReportOptions reports;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationConfig config =
        sourceSnapshot == null || targetSnapshot == null ? connection.load() : null;
    ParityResult result =
        ParityService.compute(
            new ParityRequest(
                config,
                sourceSnapshot,
                targetSnapshot,
                topics.filter(),
                registry.access(),
                parity.checks(),
                connection.timeout()),
            console.progress());
    Report report = Report.of(result);
    console.print(TextReports.diff(report));
    reports.write(report);
    if (console.isQuiet()) {
      console.essential("Verdict: " + report.verdict());
    }
    return result.verdict().passed() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }
}

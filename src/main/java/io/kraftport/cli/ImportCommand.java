package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.kafka.ConfigTranslations;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.kafka.TopicImporter;
import io.kraftport.kafka.TopicStep;
import io.kraftport.report.JsonReports;
import io.kraftport.report.TextReports;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport import}: recreates a snapshot's topics on the target. Plans first and prints the plan; never
 * deletes, and never changes an existing topic unless {@code --alter-existing}; safe to re-run.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Recreate a snapshot's topics on the target cluster.",
      "Prints a plan first (CREATE, EXISTS_SAME, CONFLICT, ALTER, REFUSED, SKIPPED). Topic configs Kafka 4 removed are"
          + " translated, inherited values the target's defaults would change are pinned, and nothing that exists"
          + " is touched unless --alter-existing. Re-running on an imported target writes nothing.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport import --config migration.properties --snapshot snapshot.json --dry-run",
      "  kraftport import --config migration.properties --snapshot snapshot.json --replication-factor 3",
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Option(names = "--snapshot", paramLabel = "FILE", required = true, description = "The snapshot to import.")
  Path snapshotFile;

  @Option(names = "--dry-run",
      description = "Print the plan and have the target validate every create, then stop: writes nothing.")
  boolean dryRun;

  @Option(names = "--no-pin-defaults", negatable = false,
      description = "Do not set inherited source values as explicit overrides where the target's defaults differ.")
  boolean noPinDefaults;

  @Option(names = "--alter-existing",
      description = "Change existing topics that differ: raise partitions, set configs (never lowers partitions).")
  boolean alterExisting;

  @Option(names = "--replication-factor", paramLabel = "N",
      description = "Cap replication factors at N (for a target with fewer brokers); reported as deliberate.")
  Integer replicationFactor;

  @Option(names = "--report-json", paramLabel = "FILE", description = "Write the plan and its outcome as JSON.")
  Path reportJson;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    if (replicationFactor != null && replicationFactor < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--replication-factor must be at least 1, was " + replicationFactor);
    }
    Snapshot snapshot = SnapshotCodec.read(snapshotFile);
    MigrationConfig config = connection.load();
    TopicImporter.Options options = new TopicImporter.Options(!noPinDefaults, alterExisting, replicationFactor);
    try (KafkaAdmins.Connection target = KafkaAdmins.connect(config.target(), connection.timeout())) {
      TopicImporter importer = new TopicImporter(target, ConfigTranslations.standard());
      console.progress("Planning the import of " + snapshot.topics().size() + " topics into " + target.endpoint()
          + " ...");
      TopicImporter.Plan plan = importer.plan(snapshot.topics(), topics.filter(), options);
      long started = System.nanoTime();
      TopicImporter.Plan outcome;
      if (dryRun) {
        console.progress("Dry run: asking the target to validate every create ...");
        outcome = importer.validate(plan);
      } else {
        outcome = importer.apply(plan);
      }
      long ms = (System.nanoTime() - started) / 1_000_000;
      console.print(TextReports.topicPlan(outcome, console.verbose()));
      if (reportJson != null) {
        JsonReports.write(reportJson, outcome);
      }
      String verdict;
      if (dryRun) {
        verdict = "Dry run: nothing was written. " + (outcome.hasProblems()
            ? "Fix the conflicts and refusals above before importing."
            : outcome.count(TopicStep.Action.CREATE) + " topics would be created.");
      } else {
        verdict = "Imported: " + outcome.count(TopicStep.Action.CREATE) + " created, "
            + outcome.count(TopicStep.Action.ALTER) + " altered, " + outcome.count(TopicStep.Action.EXISTS_SAME)
            + " already there, " + (outcome.count(TopicStep.Action.CONFLICT)
                + outcome.count(TopicStep.Action.REFUSED)) + " not imported (" + ms + " ms)";
      }
      console.essential(verdict);
      return outcome.hasProblems() ? ExitCodes.DIFFERENCES : ExitCodes.OK;
    }
  }
}

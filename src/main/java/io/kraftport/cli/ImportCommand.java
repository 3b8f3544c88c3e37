package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.kafka.TopicImporter;
import io.kraftport.migrate.Sides;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.registry.ImportOptions;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistryImporter;
import io.kraftport.report.RegistryTexts;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.translate.ConfigTranslations;
import java.util.Optional;
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
    header = "Recreate a snapshot's topics and schemas on the target; plans first, safe to re-run.",
    description = {
      "Recreate a snapshot's topics on the target cluster.",
      "Prints a plan first (CREATE, EXISTS_SAME, CONFLICT, ALTER, REFUSED, SKIPPED). Topic configs Kafka 4 removed are"
          + " translated, inherited values the target's defaults would change are pinned, and nothing that exists"
          + " is touched unless --alter-existing. Re-running on an imported target writes nothing.",
      "The target validates every create and alter first: if it refuses one, nothing is written (topics or"
          + " schemas) unless --allow-partial.",
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

  @Mixin RegistryOptions registry;

  @Option(names = "--allow-id-change",
      description = "Where the target registry cannot keep schema ids, register anyway and report the old -> new"
          + " ids (consumers of old records will break).")
  boolean allowIdChange;

  @Option(names = "--snapshot", paramLabel = "FILE", required = true, description = "The snapshot to import.")
  Path snapshotFile;

  @Option(names = "--dry-run",
      description = "Print the plan and have the target validate every create, then stop: writes nothing.")
  boolean dryRun;

  @Option(names = "--allow-partial",
      description = "Import what the target accepts even when it refuses some topics (reported, exit 1); without"
          + " it, one refusal writes nothing.")
  boolean allowPartial;

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
    Optional<RegistryClient> targetRegistry = snapshot.registry() == null
        ? Optional.empty()
        : registry.connect(config.target(), connection.timeout());
    if (snapshot.registry() != null && registry.enabled() && targetRegistry.isEmpty()) {
      console.warn("the snapshot holds " + snapshot.registry().subjects().size() + " subjects but no target"
          + " registry is configured (target.schema.registry.url or --target-registry-url): schemas not imported");
    }
    try (KafkaAdmins.Connection target = KafkaAdmins.connect(config.target(), connection.timeout());
        RegistryClient registryClient = targetRegistry.orElse(null)) {
      TopicImporter importer = new TopicImporter(target, ConfigTranslations.standard());
      console.progress("Planning the import of " + snapshot.topics().size() + " topics into " + target.endpoint()
          + " ...");
      TopicPlan plan = importer.plan(snapshot.topics(), topics.filter(), options);
      if (console.isQuiet()) {
        // The plan that names the hazard is not printed with --quiet; the warning still is.
        plan.warnings().forEach(w -> console.warn(w.describe()));
      }
      RegistryImporter registryImporter = null;
      RegistrySnapshot schemas = null;
      ImportPlan registryPlan = null;
      if (registryClient != null) {
        registryImporter = new RegistryImporter(registryClient, new DefaultSchemaCanon());
        schemas = Sides.filterSubjects(snapshot.registry(), registry.exportOptions());
        console.progress("Planning the import of " + schemas.subjects().size() + " subjects into "
            + registryClient.url() + " ...");
        // Plans and checks every schema before anything is written: one that does not parse ends the run here.
        registryPlan = registryImporter.plan(schemas, new ImportOptions(true, allowIdChange));
      }
      long started = System.nanoTime();
      // The target validates every create and alter before anything is written, so a value only it rejects
      // (partitions 1000000000, retention.ms "abc") stops the whole run instead of leaving it half imported.
      console.progress("Validating " + (plan.count(TopicStep.Action.CREATE) + plan.count(TopicStep.Action.ALTER))
          + " topic changes with the target ...");
      TopicPlan validated = importer.validate(plan);
      boolean refused = validated.hasRefusals() && !allowPartial;
      boolean registryConflicts = registryPlan != null && registryPlan.hasConflicts();
      if (dryRun || refused || registryConflicts) {
        console.print(TextReports.topicPlan(validated, console.verbose()));
        if (registryPlan != null) {
          console.print("\n" + RegistryTexts.plan(registryPlan, console.verbose()));
        }
        writeReport(validated, registryPlan, null);
        boolean problems = validated.hasProblems() || registryConflicts;
        String next = problems ? "Fix the conflicts and refusals above before importing."
            : validated.count(TopicStep.Action.CREATE) + " topics would be created.";
        console.essential(dryRun ? "Dry run: nothing was written. " + next
            : refused ? "Refused: nothing was written, because the target refuses "
                + validated.count(TopicStep.Action.REFUSED) + " topics (see above); fix them, or pass"
                + " --allow-partial to import the rest."
            : "Conflicts: nothing was written. " + next);
        return problems ? ExitCodes.DIFFERENCES : ExitCodes.OK;
      }
      TopicPlan outcome = importer.apply(validated, console.progress());
      console.print(TextReports.topicPlan(outcome, console.verbose()));
      ImportResult registryResult = null;
      if (registryImporter != null) {
        registryResult = registryImporter.run(schemas, new ImportOptions(false, allowIdChange));
        console.print("\n" + RegistryTexts.plan(registryResult.plan(), console.verbose()));
        console.print(RegistryTexts.outcome(registryResult));
      }
      writeReport(outcome, registryResult == null ? null : registryResult.plan(), registryResult);
      long ms = (System.nanoTime() - started) / 1_000_000;
      console.essential("Imported: " + outcome.count(TopicStep.Action.CREATE) + " created, "
          + outcome.count(TopicStep.Action.ALTER) + " altered, " + outcome.count(TopicStep.Action.EXISTS_SAME)
          + " already there, " + (outcome.count(TopicStep.Action.CONFLICT)
              + outcome.count(TopicStep.Action.REFUSED)) + " not imported"
          + (registryResult == null ? "" : "; schemas " + registryResult.status()) + " (" + ms + " ms)");
      boolean registryOk = registryResult == null || registryResult.succeeded();
      return outcome.hasProblems() || !registryOk ? ExitCodes.DIFFERENCES : ExitCodes.OK;
    }
  }

  /** The JSON report of an import: the topic plan with its outcome, and the registry's. */
  record ImportReport(TopicPlan topics, ImportPlan registryPlan, ImportResult registryResult) {}

  private void writeReport(TopicPlan topicPlan, ImportPlan registryPlan, ImportResult result) {
    if (reportJson != null) {
      JsonReports.write(reportJson, new ImportReport(topicPlan, registryPlan, result));
    }
  }
}

package io.kraftport.migrate;

import io.kraftport.Progress;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.kafka.TopicImporter;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.registry.ImportOptions;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistryImporter;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.translate.ConfigTranslations;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Imports a snapshot's topics and schemas into the target. Plans topics and the registry once,
 * before anything is written (a schema that does not parse ends the run there); has the target
 * validate every topic create and alter; then stops, writing nothing, on a dry run, on refusals
 * (unless a partial import is allowed) or on registry conflicts; otherwise applies the topic plan
 * and then the registry plan it made.
 */
public final class ImportService {
  private ImportService() {}

  /**
   * Runs the import. {@code topicsApplied} is handed the topics' outcome as soon as they are
   * written, before the schemas are, so what was written is shown even if the registry then fails.
   */
  public static ImportOutcome run(
      ImportRequest request, Progress progress, Consumer<TopicPlan> topicsApplied) {
    Snapshot snapshot = request.snapshot();
    Optional<RegistryClient> targetRegistry =
        snapshot.registry() == null
            ? Optional.empty()
            : request.registry().connect(request.config().target(), request.timeout());
    if (snapshot.registry() != null && request.registry().enabled() && targetRegistry.isEmpty()) {
      progress.warn(
          "the snapshot holds "
              + snapshot.registry().subjects().size()
              + " subjects but no target"
              + " registry is configured (target.schema.registry.url or --target-registry-url): schemas not imported");
    }
    try (KafkaAdmins.Connection target =
            KafkaAdmins.connect(request.config().target(), request.timeout());
        RegistryClient registryClient = targetRegistry.orElse(null)) {
      TopicImporter importer = new TopicImporter(target, ConfigTranslations.standard());
      progress.step(
          "Planning the import of "
              + snapshot.topics().size()
              + " topics into "
              + target.endpoint()
              + " ...");
      TopicPlan plan = importer.plan(snapshot.topics(), request.filter(), request.topicOptions());
      if (request.warnHazards()) {
        plan.warnings().forEach(w -> progress.warn(w.describe()));
      }
      Schemas schemas =
          registryClient == null ? null : Schemas.plan(registryClient, request, progress);
      long started = System.nanoTime();
      // The target validates every create and alter before anything is written, so a value only it
      // rejects
      // (partitions 1000000000, retention.ms "abc") stops the whole run instead of leaving it half
      // imported.
      progress.step(
          "Validating "
              + (plan.count(TopicStep.Action.CREATE) + plan.count(TopicStep.Action.ALTER))
              + " topic changes with the target ...");
      TopicPlan validated = importer.validate(plan);
      boolean registryConflicts = schemas != null && schemas.planned().plan().hasConflicts();
      ImportOutcome.Stop stop =
          request.dryRun()
              ? ImportOutcome.Stop.DRY_RUN
              : validated.hasRefusals() && !request.allowPartial()
                  ? ImportOutcome.Stop.REFUSED
                  : registryConflicts ? ImportOutcome.Stop.CONFLICTS : ImportOutcome.Stop.NONE;
      if (stop != ImportOutcome.Stop.NONE) {
        return new ImportOutcome(
            stop,
            validated,
            schemas == null ? null : schemas.planned().plan(),
            null,
            0,
            !(validated.hasProblems() || registryConflicts));
      }
      TopicPlan outcome = importer.apply(validated, progress);
      topicsApplied.accept(outcome);
      ImportResult registryResult = schemas == null ? null : schemas.apply();
      long ms = (System.nanoTime() - started) / 1_000_000;
      boolean registryOk = registryResult == null || registryResult.succeeded();
      return new ImportOutcome(
          stop,
          outcome,
          registryResult == null ? null : registryResult.plan(),
          registryResult,
          ms,
          !outcome.hasProblems() && registryOk);
    }
  }

  /**
   * The registry side of an import: the selected subjects and the plan made for them, applied as it
   * was made.
   */
  private record Schemas(
      RegistryImporter importer, RegistrySnapshot subjects, RegistryImporter.Planned planned) {
    static Schemas plan(RegistryClient client, ImportRequest request, Progress progress) {
      RegistryImporter importer = new RegistryImporter(client, new DefaultSchemaCanon());
      RegistrySnapshot subjects =
          Sides.filterSubjects(request.snapshot().registry(), request.registry().exportOptions());
      progress.step(
          "Planning the import of "
              + subjects.subjects().size()
              + " subjects into "
              + client.url()
              + " ...");
      // Plans and checks every schema before anything is written: one that does not parse ends the
      // run here.
      return new Schemas(
          importer,
          subjects,
          importer.prepare(subjects, new ImportOptions(request.dryRun(), request.allowIdChange())));
    }

    ImportResult apply() {
      return importer.apply(planned, subjects);
    }
  }
}

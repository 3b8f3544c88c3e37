package io.kraftport.registry;

import io.kraftport.plan.ImportStep;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registrations an admin import with {@code requireEmptyRegistry=false} cannot carry onto a
 * non-empty Apicurio target, found before anything is written. Apicurio's importer (3.x {@code
 * SqlDataImporter}) never reports them: it skips, with a warning in its own log only, a content
 * whose id is taken (whatever its bytes), and it links a version only to content it imported in the
 * same call, so a version whose id is already on the target, even with the same schema, would be
 * dropped; an artifact or branch that exists is skipped too, so versions added to an existing
 * subject would stay off its {@code latest} branch. Each such registration becomes a {@code
 * CONFLICT} with the reason. The global ids the import gives are chosen after the target's highest,
 * so they never clash.
 */
final class ApicurioClashes {
  private ApicurioClashes() {}

  /**
   * {@code steps}, with every registration the admin import cannot carry turned into a conflict.
   */
  static List<ImportStep> check(
      List<ImportStep> steps, RegistrySnapshot source, ApicurioTarget admin) {
    List<ImportStep> out = new ArrayList<>(steps.size());
    for (ImportStep step : steps) {
      Optional<String> clash =
          step.action() == ImportStep.Action.REGISTER
              ? clash(step, source, admin)
              : Optional.empty();
      out.add(
          clash
              .map(
                  reason ->
                      new ImportStep(
                          ImportStep.Action.CONFLICT,
                          step.subject(),
                          step.version(),
                          step.id(),
                          step.deleted(),
                          reason))
              .orElse(step));
    }
    return out;
  }

  private static Optional<String> clash(
      ImportStep step, RegistrySnapshot source, ApicurioTarget admin) {
    if (admin.artifacts().contains(step.subject())) {
      return Optional.of(
          "the target has "
              + step.subject()
              + " without this version, and Apicurio's admin import"
              + " adds no version to an existing artifact (its latest branch would not take it)");
    }
    Optional<String> held = admin.contentHash(step.id());
    if (held.isEmpty()) {
      return Optional.empty();
    }
    SchemaVersion v = RegistryExporter.find(source, step.subject(), step.version()).orElseThrow();
    String hash =
        ApicurioArchive.contentHash(
            v.schema().getBytes(StandardCharsets.UTF_8), ApicurioArchive.serializedReferences(v));
    if (hash.equals(held.get())) {
      return Optional.of(
          "id "
              + step.id()
              + " is on the target already with this schema, but Apicurio's admin import"
              + " links a version only to content it imports in the same call, and it skips content whose id exists");
    }
    return Optional.of("id " + step.id() + " is held on the target by other content");
  }
}

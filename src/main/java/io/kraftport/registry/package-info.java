/**
 * The schema registry side of a migration: a REST client of the Confluent API ({@link
 * io.kraftport.registry.RegistryClient}, built from {@link
 * io.kraftport.registry.RegistrySettings}), the export of a registry into a {@link
 * io.kraftport.snapshot.RegistrySnapshot} ({@link io.kraftport.registry.RegistryExporter}), and the
 * id-preserving import of a snapshot ({@link io.kraftport.registry.RegistryImporter}: plan, then
 * apply). The pure comparison of two snapshots lives in {@code diff} ({@link
 * io.kraftport.diff.RegistryDiffer}).
 *
 * <p>A command wires them like this:
 *
 * <pre>{@code
 * try (RegistryClient source = RegistryClient.create(RegistrySettings.fromProperties(sourceProps));
 *      RegistryClient target = RegistryClient.create(RegistrySettings.fromProperties(targetProps))) {
 *   RegistrySnapshot exported = new RegistryExporter(source).export(ExportOptions.filtered(include, exclude));
 *   ImportResult result = new RegistryImporter(target, canon).run(exported, new ImportOptions(dryRun, allowIdChange));
 *   List<Difference> diffs = RegistryDiffer.diff(exported, new RegistryExporter(target).export(ExportOptions.ALL), canon);
 * }
 * }</pre>
 *
 * Nothing here prints: results are records for the command to render.
 */
package io.kraftport.registry;

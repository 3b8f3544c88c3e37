package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.migrate.Sides;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kraftport export}: snapshots the source cluster into one deterministic JSON file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Snapshot the source cluster and its schema registry into one JSON file.",
    description = {
      "Snapshot the source cluster's topics and, where source.schema.registry.url is set, its schema registry"
          + " (every subject and version with ids, soft-deleted ones included) into one deterministic JSON file.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport export --config migration.properties --output snapshot.json",
      "  kraftport export --source-bootstrap-server localhost:9092 --include 'orders\\..*' --output orders.json",
      "  kraftport export --config migration.properties --subject-include 'orders-.*' --output orders.json",
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Mixin RegistryOptions registry;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Where to write the snapshot ('-' for stdout, the default).")
  String output;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationConfig config = connection.load();
    long started = System.nanoTime();
    Snapshot snapshot =
        Sides.live(
                config.source(),
                topics.filter(),
                registry.access(),
                connection.timeout(),
                console.progress())
            .snapshot();
    if (output.equals("-")) {
      spec.commandLine().getOut().print(SnapshotCodec.toJson(snapshot));
      spec.commandLine().getOut().flush();
    } else {
      SnapshotCodec.write(snapshot, Path.of(output));
      String subjects =
          snapshot.registry() == null
              ? ""
              : " and " + snapshot.registry().subjects().size() + " subjects";
      console.essential(
          "Exported "
              + snapshot.topics().size()
              + " topics"
              + subjects
              + " to "
              + output
              + " in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms");
    }
    return ExitCodes.OK;
  }
}

package io.kraftport.cli;

import io.kraftport.InvalidInputException;
import io.kraftport.UnreachableException;
import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.gate.ClientInventory;
import io.kraftport.gate.ClientMinimums;
import io.kraftport.gate.ClientReadinessCheck;
import io.kraftport.kafka.BrokerApiVersions;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.report.TextTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport clients}: the client inventory of the source. Lists every client software name
 * and version the source brokers report (KIP-511 gauges and deprecated-request metrics, over JMX or
 * Prometheus) with its connection count, judged against the table of Kafka 4 minimum versions and,
 * when a target is given, against the request versions the target's brokers accept; then the
 * consumer groups' client ids and hosts.
 */
@Command(
    name = "clients",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "The client inventory of the source, judged against the target.",
    description = {
      "Exit 0: no client used a request version the target refuses (or, without a target, one Kafka 4 removed);"
          + " 1: some did; 3: a broker's metrics could not be read.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport clients --config migration.properties --source-metrics-url http://b-1.old-msk:11001/metrics",
      "  kraftport clients --source-bootstrap-server old:9092 --source-jmx old:9999",
    })
public final class ClientsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--source-jmx",
      paramLabel = "HOST:PORT",
      description = "A source broker's JMX address (repeatable).")
  List<String> sourceJmx = new ArrayList<>();

  @Option(
      names = "--source-metrics-url",
      paramLabel = "URL",
      description =
          "A source broker's Prometheus metrics page, such as MSK open monitoring's"
              + " http://b-1.CLUSTER:11001/metrics (repeatable).")
  List<String> sourceMetricsUrls = new ArrayList<>();

  @Override
  public Integer call() {
    Console console = new Console(spec);
    if (sourceJmx.isEmpty() && sourceMetricsUrls.isEmpty()) {
      throw new InvalidInputException(
          "pass --source-jmx HOST:PORT or --source-metrics-url URL to read which clients"
              + " are connected");
    }
    MigrationConfig config = connection.load();
    Duration timeout = connection.timeout();
    Optional<Map<String, BrokerApiVersions.Range>> target = Optional.empty();
    if (config.target().bootstrapServers().isPresent()) {
      console.progress("Reading the target's request versions ...");
      try (KafkaAdmins.Connection t = KafkaAdmins.connect(config.target(), timeout)) {
        target =
            BrokerApiVersions.tryRead(config.target().kafkaProperties(), t.admin(), t.endpoint());
      }
      if (target.isEmpty()) {
        console.warn(
            "could not read the target's ApiVersions: every removed request version counts");
      }
    }
    try (KafkaAdmins.Connection source = KafkaAdmins.connect(config.source(), timeout)) {
      ClientReadinessCheck check = new ClientReadinessCheck(source.admin(), source.endpoint());
      List<String> members = check.consumerClients();
      console.progress("Reading the source brokers' client metrics ...");
      ClientReadinessCheck.Measurement m = check.measure(sourceJmx, sourceMetricsUrls);
      if (!m.unreachable().isEmpty()) {
        throw new UnreachableException(String.join("; ", m.unreachable()));
      }
      ClientInventory inventory =
          ClientInventory.of(m.connected(), m.deprecated(), target, ClientMinimums.standard());
      console.print(render(inventory, members, target.isPresent()));
      boolean ready = inventory.rows().stream().allMatch(ClientInventory.Row::ready);
      console.essential(
          "Clients: "
              + (ready ? "READY" : "NOT READY")
              + " ("
              + inventory.rows().size()
              + " client versions, judged against "
              + (target.isPresent()
                  ? "the target's ApiVersions"
                  : "Kafka 4's" + " removed versions")
              + ")");
      return ready ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
  }

  static String render(ClientInventory inventory, List<String> members, boolean againstTarget) {
    TextTable table =
        new TextTable("CLIENT", "VERSION", "CONNECTIONS", "READY", "KAFKA 4 MINIMUM", "SOURCE");
    for (ClientInventory.Row r : inventory.rows()) {
      table.row(
          r.clientName(),
          r.clientVersion(),
          r.connections(),
          r.ready() ? "yes" : "NO",
          r.tableRow()
              .map(t -> t.minimum() + " (" + r.tableVerdict().name().toLowerCase(Locale.ROOT) + ")")
              .orElse("-"),
          r.tableRow().map(ClientMinimums.Row::source).orElse("-"));
    }
    StringBuilder sb =
        new StringBuilder(table.isEmpty() ? "No client software reported.\n" : table.render());
    for (ClientInventory.Row r : inventory.rows()) {
      if (!r.refusedRequests().isEmpty()) {
        sb.append(r.clientName())
            .append(' ')
            .append(r.clientVersion())
            .append(": uses ")
            .append(String.join(", ", r.refusedRequests()))
            .append(againstTarget ? ", refused by the target\n" : ", removed in Kafka 4\n");
      }
      if (!r.acceptedRequests().isEmpty()) {
        sb.append(r.clientName())
            .append(' ')
            .append(r.clientVersion())
            .append(": uses ")
            .append(String.join(", ", r.acceptedRequests()))
            .append(", deprecated but accepted by the target\n");
      }
      r.tableRow()
          .filter(t -> t.note() != null)
          .ifPresent(
              t -> sb.append(r.clientName()).append(": note: ").append(t.note()).append('\n'));
    }
    sb.append("\nConsumer groups:\n");
    if (members.isEmpty()) {
      sb.append("  (none)\n");
    }
    members.forEach(m -> sb.append("  ").append(m).append('\n'));
    return sb.toString();
  }
}

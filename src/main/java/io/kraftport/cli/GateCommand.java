package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.gate.ClientReadinessCheck;
import io.kraftport.gate.DrainCheck;
import io.kraftport.gate.TargetHealthCheck;
import io.kraftport.kafka.BrokerApiVersions;
import io.kraftport.migrate.GateCheck;
import io.kraftport.migrate.GateRequest;
import io.kraftport.migrate.GateResult;
import io.kraftport.migrate.GateService;
import io.kraftport.migrate.ParityRequest;
import io.kraftport.report.Report;
import io.kraftport.report.TextReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport gate}: the pre-cutover check. Runs parity, the source drain, the target's health
 * and the clients' readiness, prints a verdict table, and exits 0 only when every check passed (the
 * gate is open).
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "The pre-cutover gate: parity, drained source, healthy target, ready clients.",
    description = {
      "Passes only when every check passes:",
      "  parity          the full diff of topics and registry, with round-trips",
      "  source-drained  selected groups: no members, lag 0, end offsets still,",
      "                  held for --stable-for",
      "  target-healthy  every imported partition led, ISR >= min.insync.replicas,",
      "                  and auto.create.topics.enable=false on the target",
      "  clients-ready   no client uses a request version the target refuses (JMX",
      "                  or Prometheus metrics of the source)",
      "A check that could not run fails with its reason. Exit 0: open; 1: closed;",
      "3: a side is unreachable or refuses the credentials (the reports are still written).",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kraftport gate --config migration.properties --groups 'payments-.*' --stable-for 2m"
          + " --source-jmx b-1:9999 --report-junit gate.xml --report-md gate.md",
      "  kraftport gate --config migration.properties --skip-client-check --report-html gate.html",
    })
public final class GateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Mixin RegistryOptions registry;

  @Mixin ParityOptions parity;

  @Option(
      names = "--groups",
      paramLabel = "REGEX",
      defaultValue = ".*",
      description =
          "The source consumer groups that must be drained (whole-name match; default: all).")
  Pattern groups;

  @Option(
      names = "--stable-for",
      paramLabel = "DURATION",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description = "How long lag must stay 0 and end offsets still, sampled (default: one look).")
  Duration stableFor;

  @Option(
      names = "--source-jmx",
      paramLabel = "HOST:PORT",
      description =
          "A source broker's JMX address, to read Kafka 4 deprecated-request metrics (repeatable).")
  List<String> sourceJmx = new ArrayList<>();

  @Option(
      names = "--source-metrics-url",
      paramLabel = "URL",
      description =
          "A source broker's Prometheus metrics page, for clusters without JMX such as AWS MSK's open"
              + " monitoring (http://b-1.CLUSTER:11001/metrics; repeatable, one per broker; beside or instead of"
              + " --source-jmx).")
  List<String> sourceMetricsUrls = new ArrayList<>();

  @Option(
      names = "--skip-client-check",
      description =
          "Accept that client readiness is checked by hand when no JMX or metrics URL is given (listed,"
              + " not measured).")
  boolean skipClientCheck;

  @Mixin ReportOptions reports;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationConfig config = connection.load();
    ParityRequest parityRequest =
        new ParityRequest(
            config,
            null,
            null,
            topics.filter(),
            registry.access(),
            parity.checks(),
            connection.timeout());
    GateResult result =
        GateService.run(new GateRequest(parityRequest, checks(config)), console.progress());
    Report report = Report.gate(result);
    console.print(TextReports.gate(report));
    reports.write(report);
    if (result.stoppedBy() != null) {
      // A side that does not answer or refuses our credentials ends the run with exit 3, but a CI
      // job still needs
      // the reports to publish: they are written with the check that could not run, then the
      // failure goes through.
      throw result.stoppedBy();
    }
    if (console.isQuiet()) {
      console.essential("Gate: " + report.verdict());
    }
    return result.verdict().passed() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  // ---- The checks after parity, in the order they run (one entry per check; parity itself always
  // runs first). ----

  private List<GateCheck> checks(MigrationConfig config) {
    return List.of(
        new GateCheck(
            DrainCheck.NAME,
            "source drained",
            c ->
                new DrainCheck(
                        c.source().admin(), c.source().endpoint(), d -> Thread.sleep(d.toMillis()))
                    .run(groups, stableFor, c.sourceTopics())),
        new GateCheck(
            TargetHealthCheck.NAME,
            "target healthy",
            c ->
                new TargetHealthCheck(c.target().admin(), c.target().endpoint())
                    .run(c.importedTopics())),
        // Judged against the request versions the target accepts.
        new GateCheck(
            ClientReadinessCheck.NAME,
            "clients ready",
            c ->
                new ClientReadinessCheck(c.source().admin(), c.source().endpoint())
                    .run(
                        sourceJmx,
                        sourceMetricsUrls,
                        skipClientCheck,
                        BrokerApiVersions.tryRead(
                            config.target().kafkaProperties(),
                            c.target().admin(),
                            c.target().endpoint()))));
  }

  // ---- End of the checks. ----
}

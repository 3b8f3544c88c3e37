package io.kraftport.cli;

import io.kraftport.KraftportException;
import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.config.SideConfig;
import io.kraftport.diff.Difference;
import io.kraftport.gate.CheckResult;
import io.kraftport.gate.ClientReadinessCheck;
import io.kraftport.gate.DrainCheck;
import io.kraftport.gate.TargetHealthCheck;
import io.kraftport.kafka.BrokerApiVersions;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.report.Report;
import io.kraftport.report.TextReports;
import io.kraftport.snapshot.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kraftport gate}: the pre-cutover check. Runs parity, the source drain, the target's health and the clients'
 * readiness, prints a verdict table, and exits 0 only when every check passed (the gate is open).
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
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
  /** The checks in the order they run, so a gate that stops early can name the ones it did not reach. */
  private static final List<String> CHECKS = List.of("parity", DrainCheck.NAME, TargetHealthCheck.NAME,
      ClientReadinessCheck.NAME);

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin TopicFilterOptions topics;

  @Mixin RegistryOptions registry;

  @Mixin ParityOptions parity;

  @Option(names = "--groups", paramLabel = "REGEX", defaultValue = ".*",
      description = "The source consumer groups that must be drained (whole-name match; default: all).")
  Pattern groups;

  @Option(names = "--stable-for", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
      description = "How long lag must stay 0 and end offsets still, sampled (default: one look).")
  Duration stableFor;

  @Option(names = "--source-jmx", paramLabel = "HOST:PORT",
      description = "A source broker's JMX address, to read Kafka 4 deprecated-request metrics (repeatable).")
  List<String> sourceJmx = new ArrayList<>();

  @Option(names = "--source-metrics-url", paramLabel = "URL",
      description = "A source broker's Prometheus metrics page, for clusters without JMX such as AWS MSK's open"
          + " monitoring (http://b-1.CLUSTER:11001/metrics; repeatable, one per broker; beside or instead of"
          + " --source-jmx).")
  List<String> sourceMetricsUrls = new ArrayList<>();

  @Option(names = "--skip-client-check",
      description = "Accept that client readiness is checked by hand when no JMX or metrics URL is given (listed,"
          + " not measured).")
  boolean skipClientCheck;

  @Mixin ReportOptions reports;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationConfig config = connection.load();
    Duration timeout = connection.timeout();
    List<CheckResult> checks = new ArrayList<>();
    Parity.Result result = null;
    try {
      console.progress("Gate 1/4: parity ...");
      result = Parity.compute(config, null, null, topics.filter(), registry, parity, timeout, console);
      checks.add(parityCheck(result.report()));
      runClusterChecks(config, timeout, console, result, checks);
    } catch (RuntimeException e) {
      if (ExitCodes.codeFor(e) != ExitCodes.UNREACHABLE) {
        throw e;
      }
      // A side that does not answer or refuses our credentials ends the run with exit 3, but a CI job still needs
      // the reports to publish: write them with the check that could not run, then let the failure through.
      Report report = stopped(config, checks, result, e);
      console.print(TextReports.gate(report));
      reports.write(report);
      throw e;
    }
    Report report = Report.gate(result.report().source(), result.report().target(), result.report().counts(),
        checks, result.report().differences());
    console.print(TextReports.gate(report));
    reports.write(report);
    if (console.isQuiet()) {
      console.essential("Gate: " + report.verdict());
    }
    return report.passed() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  private static CheckResult parityCheck(Report parity) {
    List<Difference> drift = parity.differences().stream().filter(Difference::isDrift).toList();
    return drift.isEmpty()
        ? CheckResult.pass("parity", "no drift between source and target (" + parity.summary().get("translated")
            + " translated, " + parity.summary().get("accepted") + " accepted)", List.of())
        : CheckResult.fail("parity", drift.size() + " differences between source and target",
            drift.stream().map(TextReports::oneLine).toList());
  }

  /** The checks after parity: source drained, target healthy, clients ready. */
  private void runClusterChecks(MigrationConfig config, Duration timeout, Console console, Parity.Result result,
      List<CheckResult> checks) {
    Optional<Map<String, BrokerApiVersions.Range>> targetVersions = Optional.empty();
    try (KafkaAdmins.Connection source = KafkaAdmins.connect(config.source(), timeout)) {
      console.progress("Gate 2/4: source drained ...");
      checks.add(guard(DrainCheck.NAME, () -> new DrainCheck(source.admin(), source.endpoint(),
          d -> Thread.sleep(d.toMillis()))
          .run(groups, stableFor, result.source().topics().stream().map(TopicSpec::name).toList())));
      try (KafkaAdmins.Connection target = KafkaAdmins.connect(config.target(), timeout)) {
        console.progress("Gate 3/4: target healthy ...");
        Set<String> onTarget = Set.copyOf(result.target().topics().stream().map(TopicSpec::name).toList());
        List<String> imported = result.source().topics().stream().map(TopicSpec::name)
            .filter(onTarget::contains).toList();
        checks.add(guard(TargetHealthCheck.NAME,
            () -> new TargetHealthCheck(target.admin(), target.endpoint()).run(imported)));
        // The request versions the target accepts, to judge the clients' deprecated requests against.
        targetVersions = BrokerApiVersions.tryRead(config.target().kafkaProperties(), target.admin(),
            target.endpoint());
      }
      Optional<Map<String, BrokerApiVersions.Range>> judgedAgainst = targetVersions;
      console.progress("Gate 4/4: clients ready ...");
      checks.add(guard(ClientReadinessCheck.NAME, () ->
          new ClientReadinessCheck(source.admin(), source.endpoint()).run(sourceJmx, sourceMetricsUrls,
          skipClientCheck, judgedAgainst)));
    }
  }

  /** The report of a gate that stopped at a check that could not run: that check fails, the later ones did not run. */
  private static Report stopped(MigrationConfig config, List<CheckResult> done, Parity.Result result,
      RuntimeException e) {
    List<CheckResult> checks = new ArrayList<>(done);
    String failed = CHECKS.get(checks.size());
    checks.add(CheckResult.fail(failed, "could not run: " + ExitCodes.oneLine(String.valueOf(e.getMessage())),
        List.of()));
    for (String name : CHECKS.subList(checks.size(), CHECKS.size())) {
      checks.add(CheckResult.fail(name, "not run: the gate stopped at " + failed, List.of()));
    }
    if (result != null) {
      return Report.gate(result.report().source(), result.report().target(), result.report().counts(), checks,
          result.report().differences());
    }
    return Report.gate(label(config.source()), label(config.target()), Map.of(), checks, List.of());
  }

  private static String label(SideConfig side) {
    return side.side() + " cluster (" + side.bootstrapServers().orElse("not configured") + ")";
  }

  /**
   * Runs a check; one that cannot run (a cluster that does not answer or refuses us) is a failure with the reason. A
   * bug is not a closed gate: it goes through as an internal error (exit 4).
   */
  static CheckResult guard(String name, java.util.function.Supplier<CheckResult> check) {
    try {
      return check.get();
    } catch (KraftportException e) {
      if (e.kind() != KraftportException.Kind.UNREACHABLE) {
        throw e;
      }
      return CheckResult.fail(name, "could not run: " + e.getMessage(), List.of());
    }
  }
}

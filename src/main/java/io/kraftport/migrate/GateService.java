package io.kraftport.migrate;

import io.kraftport.KraftportException;
import io.kraftport.Progress;
import io.kraftport.config.SideConfig;
import io.kraftport.diff.Difference;
import io.kraftport.gate.CheckResult;
import io.kraftport.kafka.KafkaAdmins;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pre-cutover gate: parity first, then the request's checks in order against both clusters,
 * each guarded so one that cannot reach its cluster fails with the reason. The verdict is {@link
 * Verdict#OPEN} only when every check passed. A side that does not answer or refuses the
 * credentials stops the gate: the result then names the check that could not run and those not
 * reached, and carries the failure.
 */
public final class GateService {
  static final String PARITY = "parity";

  private GateService() {}

  public static GateResult run(GateRequest request, Progress progress) {
    int total = 1 + request.checks().size();
    List<CheckResult> checks = new ArrayList<>();
    ParityResult parity = null;
    try {
      progress.step("Gate 1/" + total + ": parity ...");
      parity = ParityService.compute(request.parity(), progress);
      checks.add(parityCheck(parity));
      try (KafkaAdmins.Connection source =
              KafkaAdmins.connect(request.parity().config().source(), request.parity().timeout());
          KafkaAdmins.Connection target =
              KafkaAdmins.connect(request.parity().config().target(), request.parity().timeout())) {
        GateCheck.Context context = new GateCheck.Context(source, target, parity);
        for (GateCheck check : request.checks()) {
          progress.step("Gate " + (checks.size() + 1) + "/" + total + ": " + check.step() + " ...");
          checks.add(guard(check.name(), () -> check.run().apply(context)));
        }
      }
    } catch (KraftportException e) {
      if (e.kind() != KraftportException.Kind.UNREACHABLE) {
        throw e;
      }
      return stopped(request, checks, parity, e);
    }
    return new GateResult(
        parity, parity.sourceLabel(), parity.targetLabel(), checks, Verdict.ofChecks(checks), null);
  }

  static CheckResult parityCheck(ParityResult parity) {
    List<Difference> drift = parity.differences().stream().filter(Difference::isDrift).toList();
    return drift.isEmpty()
        ? CheckResult.pass(
            PARITY,
            "no drift between source and target ("
                + count(parity, Difference.Status.TRANSLATED)
                + " translated, "
                + count(parity, Difference.Status.ACCEPTED)
                + " accepted)",
            List.of())
        : CheckResult.fail(
            PARITY,
            drift.size() + " differences between source and target",
            drift.stream().map(Difference::oneLine).toList());
  }

  private static long count(ParityResult parity, Difference.Status status) {
    return parity.differences().stream().filter(d -> d.status() == status).count();
  }

  /**
   * A gate that stopped at a check that could not run: that check fails, the later ones did not
   * run.
   */
  private static GateResult stopped(
      GateRequest request, List<CheckResult> done, ParityResult parity, KraftportException e) {
    List<String> names = new ArrayList<>();
    names.add(PARITY);
    request.checks().forEach(c -> names.add(c.name()));
    List<CheckResult> checks = new ArrayList<>(done);
    String failed = names.get(checks.size());
    checks.add(
        CheckResult.fail(
            failed, "could not run: " + oneLine(String.valueOf(e.getMessage())), List.of()));
    for (String name : names.subList(checks.size(), names.size())) {
      checks.add(CheckResult.fail(name, "not run: the gate stopped at " + failed, List.of()));
    }
    SideConfig source = request.parity().config().source();
    SideConfig target = request.parity().config().target();
    return parity != null
        ? new GateResult(
            parity, parity.sourceLabel(), parity.targetLabel(), checks, Verdict.ofChecks(checks), e)
        : new GateResult(null, label(source), label(target), checks, Verdict.ofChecks(checks), e);
  }

  private static String label(SideConfig side) {
    return side.side() + " cluster (" + side.bootstrapServers().orElse("not configured") + ")";
  }

  private static String oneLine(String s) {
    return s.replace("\r", " ").replace('\n', ' ').strip();
  }

  /**
   * Runs a check; one that cannot run (a cluster that does not answer or refuses us) is a failure
   * with the reason. A bug is not a closed gate: it goes through as an internal error (exit 4).
   */
  public static CheckResult guard(String name, Supplier<CheckResult> check) {
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

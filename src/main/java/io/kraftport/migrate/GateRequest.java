package io.kraftport.migrate;

import java.util.List;
import java.util.Objects;

/**
 * What the gate runs: the parity comparison of both live sides, then the checks after it, in the
 * order given.
 */
public record GateRequest(ParityRequest parity, List<GateCheck> checks) {
  public GateRequest {
    Objects.requireNonNull(parity, "parity");
    checks = List.copyOf(checks);
  }
}

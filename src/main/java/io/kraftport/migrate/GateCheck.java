package io.kraftport.migrate;

import io.kraftport.gate.CheckResult;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.snapshot.TopicSpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One of the gate's checks after parity: its name (as reports show it), the words of its progress
 * line ("Gate 2/4: source drained ..."), and how it runs against both clusters and the parity
 * result.
 */
public record GateCheck(String name, String step, Function<Context, CheckResult> run) {
  public GateCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(run, "run");
  }

  /**
   * What a check runs against: both clusters' connections and the parity result the gate began
   * with.
   */
  public record Context(
      KafkaAdmins.Connection source, KafkaAdmins.Connection target, ParityResult parity) {
    /** The selected source topics. */
    public List<String> sourceTopics() {
      return parity.source().topics().stream().map(TopicSpec::name).toList();
    }

    /** The selected source topics that exist on the target: those the import created or found. */
    public List<String> importedTopics() {
      Set<String> onTarget =
          Set.copyOf(parity.target().topics().stream().map(TopicSpec::name).toList());
      return sourceTopics().stream().filter(onTarget::contains).toList();
    }
  }
}

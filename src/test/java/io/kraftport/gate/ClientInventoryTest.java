package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.gate.ClientMinimums.Verdict;
import io.kraftport.gate.MetricNames.ClientConnections;
import io.kraftport.gate.MetricNames.DeprecatedUse;
import io.kraftport.kafka.BrokerApiVersions.Range;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientInventoryTest {
  private static final Map<String, Range> TARGET_4_0_2 =
      Map.of("JoinGroup", new Range(0, 9), "Fetch", new Range(4, 17), "Produce", new Range(3, 12));

  @Test
  void connectionsAreSummedPerSoftwareAndJudgedByTableAndTarget() {
    ClientInventory inv =
        ClientInventory.of(
            List.of(
                new ClientConnections("apache-kafka-java", "2.0.1", 2),
                new ClientConnections("apache-kafka-java", "2.0.1", 1),
                new ClientConnections("confluent-kafka-go", "2.6.1", 4),
                new ClientConnections("kafka-go", "0.4.47", 1)),
            List.of(
                new DeprecatedUse("kafka-go", "0.4.47", "JoinGroup", "1", 12),
                new DeprecatedUse("unknown", "unknown", "Fetch", "3", 5),
                new DeprecatedUse("confluent-kafka-go", "2.6.1", "Fetch", "3", 0)),
            Optional.of(TARGET_4_0_2),
            ClientMinimums.standard());
    assertThat(inv.rows())
        .extracting(
            r ->
                r.clientName()
                    + " "
                    + r.clientVersion()
                    + " "
                    + r.connections()
                    + " "
                    + r.tableVerdict()
                    + " ready="
                    + r.ready()
                    + " refused="
                    + r.refusedRequests()
                    + " accepted="
                    + r.acceptedRequests())
        .containsExactly(
            // Below the table's minimum, but it used nothing the target refuses: listed, not held
            // back.
            "apache-kafka-java 2.0.1 3 UPGRADE ready=true refused=[] accepted=[]",
            "confluent-kafka-go 2.6.1 4 READY ready=true refused=[] accepted=[]",
            // KAFKA-19444: JoinGroup v1 is deprecated on the source yet accepted by a 4.0.2 target.
            "kafka-go 0.4.47 1 UPGRADE ready=true refused=[] accepted=[JoinGroup v1]",
            "unknown unknown 0 UNKNOWN ready=false refused=[Fetch v3] accepted=[]");
  }

  @Test
  void withoutATargetEveryRemovedVersionCounts() {
    ClientInventory inv =
        ClientInventory.of(
            List.of(),
            List.of(new DeprecatedUse("kafka-go", "0.4.47", "JoinGroup", "1", 12)),
            Optional.empty(),
            ClientMinimums.standard());
    assertThat(inv.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.ready()).isFalse();
              assertThat(r.refusedRequests()).containsExactly("JoinGroup v1");
              assertThat(r.tableVerdict()).isEqualTo(Verdict.UPGRADE);
            });
  }
}

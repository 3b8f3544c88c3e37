package io.kraftport.cli;

import static io.kraftport.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.cli.CommandLineTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot checks through the command line: an impossible snapshot ends an import before it
 * connects.
 */
class SnapshotChecksCommandTest {
  @TempDir Path dir;

  private static final String SNAPSHOT =
      "{\"formatVersion\":1,\"cluster\":{\"clusterId\":\"x\",\"brokerCount\":1},"
          + "\"topics\":[%s],\"registry\":{\"flavor\":\"confluent\",\"subjectOverridesKnown\":true,\"subjects\":"
          + "[{\"name\":\"a-value\",\"versions\":[{\"version\":1,\"id\":%d,\"schemaType\":\"AVRO\","
          + "\"schema\":\"\\\"string\\\"\"}]}]}}";

  private static String topic(String name) {
    return "{\"name\":\"" + name + "\",\"partitions\":1,\"replicationFactor\":1}";
  }

  private Run importInto127001Port1(String topics, int schemaId) throws Exception {
    Path file = dir.resolve("snapshot.json");
    Files.writeString(file, String.format(SNAPSHOT, topics, schemaId));
    // Nothing listens on port 1: any attempt to reach the target would end in exit 3, not 2. No
    // target registry:
    // making a registry client here would fix its logger's level for the registry tests later in
    // this JVM.
    return run(
        "import",
        "--snapshot",
        file.toString(),
        "--target-bootstrap-server",
        "127.0.0.1:1",
        "--timeout",
        "2s");
  }

  @Test
  void collidingTopicNamesEndTheImportBeforeAnyConnection() throws Exception {
    Run r = importInto127001Port1(topic("clash.a") + "," + topic("clash_a"), 1);

    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "kraftport: error: "
                + dir.resolve("snapshot.json")
                + ": topics[1].name:"
                + " \"clash_a\" collides with \"clash.a\" (topics[0]) in Kafka's metric names");
  }

  @Test
  void aNegativeSchemaIdEndsTheImportBeforeAnyConnection() throws Exception {
    Run r = importInto127001Port1(topic("orders"), -4);

    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains(": registry.subjects[0].versions[0].id: schema id must be positive: -4");
  }

  @Test
  void theSameSnapshotMadeValidReachesForTheTarget() throws Exception {
    // The contrast that shows the target above is one the import would have tried to reach.
    Run r = importInto127001Port1(topic("clash.a") + "," + topic("other"), 1);

    assertThat(r.code()).isEqualTo(ExitCodes.UNREACHABLE);
  }
}

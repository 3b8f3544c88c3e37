package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.plan.TopicStep.FieldChange;
import io.kraftport.snapshot.ClusterInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The import plan as JSON: the field names of its steps and changes are part of the report format.
 */
class TopicPlanJsonTest {
  @Test
  void stepsAndChangesKeepTheirFieldNames() {
    TopicStep alter =
        TopicStep.builder("orders", Action.ALTER)
            .partitions(6)
            .replicationFactor(3)
            .configs(Map.of("retention.ms", "1"))
            .changes(
                List.of(FieldChange.partitions(6, 3), FieldChange.config("retention.ms", "1", "2")))
            .reason("--alter-existing")
            .build();
    TopicStep created =
        TopicStep.builder("clicks", Action.CREATE)
            .partitions(1)
            .replicationFactor(1)
            .note(
                TopicStep.Note.REPLICATION_FACTOR_CAPPED,
                "replication factor capped from 3 to 1 by --replication-factor")
            .build();
    String json =
        JsonReports.toJson(
            new TopicPlan(
                new ClusterInfo("kr-1", 1, "mv", "kraft"), null, null, List.of(alter, created)));
    assertThat(json)
        .isEqualTo(
            """
        {
          "target" : {
            "clusterId" : "kr-1",
            "brokerCount" : 1,
            "kafkaVersion" : "mv",
            "mode" : "kraft"
          },
          "warnings" : [ ],
          "leftOut" : {
            "filtered" : 0,
            "internal" : 0
          },
          "steps" : [
            {
              "topic" : "clicks",
              "action" : "CREATE",
              "partitions" : 1,
              "replicationFactor" : 1,
              "reason" : "replication factor capped from 3 to 1 by --replication-factor",
              "problem" : false
            },
            {
              "topic" : "orders",
              "action" : "ALTER",
              "partitions" : 6,
              "replicationFactor" : 3,
              "configs" : {
                "retention.ms" : "1"
              },
              "changes" : [
                {
                  "field" : "partitions",
                  "source" : "6",
                  "target" : "3"
                },
                {
                  "field" : "config retention.ms",
                  "source" : "1",
                  "target" : "2"
                }
              ],
              "reason" : "--alter-existing",
              "problem" : false
            }
          ]
        }
        """);
  }
}

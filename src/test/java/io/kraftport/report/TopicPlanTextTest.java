package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.plan.LeftOut;
import io.kraftport.plan.TargetWarning;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.snapshot.ClusterInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import plan as text: the target's hazards and what the filters left out are said, not
 * implied.
 */
class TopicPlanTextTest {
  private static final ClusterInfo TARGET =
      new ClusterInfo("kr-1", 3, "metadata.version 25", "kraft");

  private static TopicStep step(String topic, Action action, String reason) {
    return TopicStep.builder(topic, action)
        .partitions(3)
        .replicationFactor(3)
        .reason(reason)
        .build();
  }

  @Test
  void namesTheAutoCreateHazardAndItsFix() {
    TargetWarning w =
        new TargetWarning(
            TargetWarning.AUTO_CREATE_TOPICS,
            "true",
            "STATIC_BROKER_CONFIG",
            List.of("1", "2"),
            "a client can create a topic first",
            "auto.create.topics.enable=false");
    String text =
        TextReports.topicPlan(
            new TopicPlan(TARGET, List.of(w), null, List.of(step("orders", Action.CREATE, null))),
            false);
    assertThat(text)
        .contains(
            "Warning: auto.create.topics.enable=true on broker(s) 1, 2 (STATIC_BROKER_CONFIG):"
                + " a client can create a topic first; fix: auto.create.topics.enable=false\n");
  }

  @Test
  void saysHowManyTopicsTheFiltersLeftOutAndWhy() {
    TopicPlan plan =
        new TopicPlan(
            TARGET,
            List.of(),
            new LeftOut(2, 1),
            List.of(
                step("orders", Action.CREATE, null),
                step("clicks", Action.SKIPPED, "left out by --include/--exclude"),
                step("views", Action.SKIPPED, "left out by --include/--exclude"),
                step("__audit", Action.SKIPPED, "internal topic")));
    assertThat(TextReports.topicPlan(plan, false))
        .doesNotContain("Warning:")
        .endsWith(
            "Topics: 1 to create, 0 already there, 0 to alter, 0 in conflict, 0 refused, 3 skipped"
                + " (left out by the filters: 2 by --include/--exclude, 1 internal)\n");
    assertThat(
            TextReports.summary(
                new TopicPlan(
                    TARGET, List.of(), null, List.of(step("orders", Action.CREATE, null)))))
        .doesNotContain("left out");
  }
}

package io.kraftport.kafka;

import static io.kraftport.plan.TopicStep.Action.ALTER;
import static io.kraftport.plan.TopicStep.Action.CONFLICT;
import static io.kraftport.plan.TopicStep.Action.CREATE;
import static io.kraftport.plan.TopicStep.Action.EXISTS_SAME;
import static io.kraftport.plan.TopicStep.Action.REFUSED;
import static io.kraftport.plan.TopicStep.Action.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kraftport.plan.LeftOut;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.plan.TopicStep.Field;
import io.kraftport.plan.TopicStep.FieldChange;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.ConfigValue;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import io.kraftport.translate.ConfigTranslations.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Topic planning without a network: what was read of the target in, one step per snapshot topic
 * out.
 */
class TopicPlannerTest {
  private static final ConfigTranslations TRANSLATIONS =
      new ConfigTranslations(
          List.of(
              new Rule(
                  "message.format.version",
                  ConfigTranslations.Action.DROP,
                  null,
                  null,
                  "removed in Kafka 4"),
              new Rule(
                  "min.compaction.lag.ms",
                  ConfigTranslations.Action.RAISE_TO_MINIMUM,
                  null,
                  1000L,
                  "at least 1 s")));
  private static final TopicPlanner PLANNER = new TopicPlanner(TRANSLATIONS);
  private static final Map<String, String> DEFAULTS =
      Map.of("retention.ms", "604800000", "cleanup.policy", "delete", "min.compaction.lag.ms", "0");
  private static final TopicImporter.Options PLAIN = TopicImporter.Options.DEFAULTS;
  private static final TopicImporter.Options ALTERING = new TopicImporter.Options(true, true, null);

  /** A topic as a snapshot holds it, built a config at a time. */
  private static final class Topic {
    private final String name;
    private final int partitions;
    private final int rf;
    private final Map<String, ConfigValue> configs = new LinkedHashMap<>();

    private Topic(String name, int partitions, int rf) {
      this.name = name;
      this.partitions = partitions;
      this.rf = rf;
    }

    /** Set on the topic itself. */
    Topic override(String config, String value) {
      configs.put(config, ConfigValue.of(value, ConfigValue.TOPIC_OVERRIDE));
      return this;
    }

    /** Inherited from a broker setting of the cluster. */
    Topic broker(String config, String value) {
      configs.put(config, ConfigValue.of(value, "STATIC_BROKER_CONFIG"));
      return this;
    }

    /** Kafka's own default. */
    Topic defaulted(String config, String value) {
      configs.put(config, ConfigValue.of(value, ConfigValue.DEFAULT));
      return this;
    }

    TopicSpec spec() {
      return new TopicSpec(name, partitions, rf, null, configs);
    }
  }

  private static Topic topic(String name, int partitions, int rf) {
    return new Topic(name, partitions, rf);
  }

  private static TopicPlanner.Target target(int brokers, TopicSpec... existing) {
    Map<String, TopicSpec> byName = new LinkedHashMap<>();
    for (TopicSpec t : existing) {
      byName.put(t.name(), t);
    }
    return new TopicPlanner.Target(
        new ClusterInfo("kr", brokers, "4.0", "kraft"),
        List.of(),
        new TopicPlanner.TargetDefaults(DEFAULTS),
        byName);
  }

  private static TopicStep only(
      TopicSpec source, TopicPlanner.Target target, TopicImporter.Options options) {
    TopicPlan plan = PLANNER.plan(List.of(source), TopicFilter.EVERY_TOPIC, options, target);
    assertThat(plan.steps()).hasSize(1);
    return plan.steps().get(0);
  }

  static Stream<Arguments> actions() {
    TopicSpec orders = topic("orders", 6, 3).override("retention.ms", "1000").spec();
    return Stream.of(
        Arguments.of("missing on the target", orders, target(3), PLAIN, CREATE, 3, null, List.of()),
        Arguments.of(
            "the same on the target",
            orders,
            target(3, orders),
            PLAIN,
            EXISTS_SAME,
            3,
            null,
            List.of()),
        Arguments.of(
            "fewer partitions on the target",
            orders,
            target(3, topic("orders", 3, 3).override("retention.ms", "1000").spec()),
            PLAIN,
            CONFLICT,
            3,
            "left untouched (--alter-existing",
            List.of("partitions: 6 -> 3")),
        Arguments.of(
            "fewer partitions and another config, --alter-existing",
            orders,
            target(3, topic("orders", 3, 3).override("retention.ms", "2000").spec()),
            ALTERING,
            ALTER,
            3,
            "--alter-existing",
            List.of("partitions: 6 -> 3", "config retention.ms: 1000 -> 2000")),
        Arguments.of(
            "more partitions on the target, --alter-existing",
            orders,
            target(3, topic("orders", 12, 3).override("retention.ms", "1000").spec()),
            ALTERING,
            CONFLICT,
            3,
            "cannot be altered in place",
            List.of("partitions: 6 -> 12")),
        Arguments.of(
            "another replication factor, --alter-existing",
            orders,
            target(3, topic("orders", 6, 2).override("retention.ms", "1000").spec()),
            ALTERING,
            CONFLICT,
            3,
            "cannot be altered in place",
            List.of("replicationFactor: 3 -> 2")),
        Arguments.of(
            "replication factor above the broker count",
            orders,
            target(1),
            PLAIN,
            REFUSED,
            3,
            "larger than the 1 broker(s) of the target; pass --replication-factor 1 to cap it",
            List.of()),
        Arguments.of(
            "replication factor capped",
            orders,
            target(1),
            new TopicImporter.Options(true, false, 1),
            CREATE,
            1,
            "replication factor capped from 3 to 1 by --replication-factor",
            List.of()),
        Arguments.of(
            "replication factor capped, the same on the target",
            orders,
            target(1, topic("orders", 6, 1).override("retention.ms", "1000").spec()),
            new TopicImporter.Options(true, false, 1),
            EXISTS_SAME,
            1,
            "replication factor capped from 3 to 1 by --replication-factor",
            List.of()),
        Arguments.of(
            "a cap above the replication factor changes nothing",
            orders,
            target(3),
            new TopicImporter.Options(true, false, 5),
            CREATE,
            3,
            null,
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void decidesEachTopic(
      String name,
      TopicSpec source,
      TopicPlanner.Target target,
      TopicImporter.Options options,
      Action action,
      int rf,
      String reason,
      List<String> changes) {
    TopicStep step = only(source, target, options);
    assertThat(step.action()).isEqualTo(action);
    assertThat(step.replicationFactor()).isEqualTo(rf);
    if (reason == null) {
      assertThat(step.reason()).isNull();
    } else {
      assertThat(step.reason()).contains(reason);
    }
    assertThat(step.changes()).map(FieldChange::toString).containsExactlyElementsOf(changes);
    assertThat(step.isProblem()).isEqualTo(action == CONFLICT || action == REFUSED);
    assertThat(step.note())
        .isEqualTo(
            reason != null && reason.startsWith("replication factor capped")
                ? TopicStep.Note.REPLICATION_FACTOR_CAPPED
                : null);
  }

  @Test
  void anAlterCarriesTheConfigsToSetAndItsChangesByKind() {
    TopicStep step =
        only(
            topic("orders", 6, 3).override("retention.ms", "1000").spec(),
            target(3, topic("orders", 3, 3).override("retention.ms", "2000").spec()),
            ALTERING);
    assertThat(step.configs()).containsExactlyEntriesOf(Map.of("retention.ms", "1000"));
    assertThat(step.changes())
        .extracting(FieldChange::kind)
        .containsExactly(Field.PARTITIONS, Field.CONFIG);
    assertThat(step.changes().get(1).config()).isEqualTo("retention.ms");
    assertThat(step.changesPartitions()).isTrue();
    assertThat(step.partitions()).isEqualTo(6);
  }

  static Stream<Arguments> pins() {
    TopicSpec inherited =
        topic("orders", 1, 1)
            .override("cleanup.policy", "compact")
            .broker("retention.ms", "86400000")
            .defaulted("segment.bytes", "1073741824")
            .spec();
    return Stream.of(
        Arguments.of(
            "a broker-set value the target's default differs from is pinned",
            inherited,
            true,
            Map.of("cleanup.policy", "compact", "retention.ms", "86400000"),
            Map.of("retention.ms", "86400000")),
        Arguments.of(
            "without pinning only overrides are set",
            inherited,
            false,
            Map.of("cleanup.policy", "compact"),
            Map.of()),
        Arguments.of(
            "a value equal to the target's default is not pinned",
            topic("orders", 1, 1).broker("retention.ms", "604800000").spec(),
            true,
            Map.of(),
            Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pins")
  void pinsTheSourcesEffectiveValuesWhereTheTargetsDefaultsDiffer(
      String name,
      TopicSpec source,
      boolean pin,
      Map<String, String> configs,
      Map<String, String> pins) {
    TopicStep step = only(source, target(1), new TopicImporter.Options(pin, false, null));
    assertThat(step.action()).isEqualTo(CREATE);
    assertThat(step.configs()).containsExactlyInAnyOrderEntriesOf(configs);
    assertThat(step.pins()).containsExactlyInAnyOrderEntriesOf(pins);
  }

  @Test
  void translatesWhatKafkaFourDoesNotTake() {
    TopicStep step =
        only(
            topic("legacy", 1, 1)
                .override("message.format.version", "2.8")
                .override("min.compaction.lag.ms", "10")
                .spec(),
            target(1),
            PLAIN);
    assertThat(step.configs()).containsExactlyEntriesOf(Map.of("min.compaction.lag.ms", "1000"));
    assertThat(step.translations())
        .extracting(ConfigTranslations.Applied::describe)
        .containsExactly(
            "message.format.version=2.8 dropped (removed in Kafka 4)",
            "min.compaction.lag.ms=10 -> min.compaction.lag.ms=1000 (at least 1 s)");
  }

  @Test
  void skipsWhatTheFiltersLeaveOutAndCountsWhy() {
    TopicFilter filter = new TopicFilter(List.of(), List.of(Pattern.compile("tmp-.*")), false);
    TopicPlan plan =
        PLANNER.plan(
            List.of(
                topic("orders", 1, 1).spec(),
                topic("tmp-1", 2, 1).spec(),
                topic("__audit", 1, 1).spec()),
            filter,
            PLAIN,
            target(1));
    assertThat(plan.steps())
        .extracting(TopicStep::topic, TopicStep::action, TopicStep::reason)
        .containsExactly(
            tuple("__audit", SKIPPED, "internal topic, left out (--include-internal selects it)"),
            tuple("orders", CREATE, null),
            tuple("tmp-1", SKIPPED, "left out by --include/--exclude"));
    assertThat(plan.leftOut()).isEqualTo(new LeftOut(1, 1));
    assertThat(plan.steps().get(2).partitions()).isEqualTo(2);
  }

  static Stream<Arguments> comparisons() {
    TopicSpec source =
        topic("t", 1, 1)
            .override("retention.ms", "1000")
            .broker("cleanup.policy", "compact")
            .spec();
    return Stream.of(
        Arguments.of(
            "an inherited value is compared when defaults are pinned",
            source,
            topic("t", 1, 1)
                .override("retention.ms", "1000")
                .defaulted("cleanup.policy", "delete")
                .spec(),
            true,
            List.of("config cleanup.policy: compact -> delete")),
        Arguments.of(
            "and left alone when they are not",
            source,
            topic("t", 1, 1)
                .override("retention.ms", "1000")
                .defaulted("cleanup.policy", "delete")
                .spec(),
            false,
            List.of()),
        Arguments.of(
            "a config the target does not have is not compared",
            source,
            topic("t", 1, 1).override("retention.ms", "1000").spec(),
            true,
            List.of()),
        Arguments.of(
            "an override always is",
            source,
            topic("t", 1, 1)
                .override("retention.ms", "5")
                .broker("cleanup.policy", "compact")
                .spec(),
            false,
            List.of("config retention.ms: 1000 -> 5")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void comparesOnlyWhatTheTargetHasAndWhatIsAskedFor(
      String name, TopicSpec source, TopicSpec existing, boolean pin, List<String> changes) {
    ConfigTranslations.Result tr =
        TRANSLATIONS.translate(source.configs(), existing.configs()::containsKey);
    TopicStep step =
        TopicPlanner.compareExisting(
            source,
            existing,
            tr,
            source.replicationFactor(),
            null,
            new TopicImporter.Options(pin, false, null));
    assertThat(step.changes()).map(FieldChange::toString).containsExactlyElementsOf(changes);
    assertThat(step.action()).isEqualTo(changes.isEmpty() ? EXISTS_SAME : CONFLICT);
  }

  private static TopicStep create(String name, int partitions, int configs) {
    Map<String, String> c = new LinkedHashMap<>();
    IntStream.range(0, configs).forEach(i -> c.put("c" + i, "v"));
    return TopicStep.builder(name, CREATE)
        .partitions(partitions)
        .replicationFactor(1)
        .configs(c)
        .build();
  }

  static Stream<Arguments> batchCases() {
    return Stream.of(
        // Each topic costs 1 + partitions + configs records: three of 3,000 fill a batch of 9,000
        // exactly.
        Arguments.of(
            "three topics of 2,999 partitions",
            List.of(create("a", 2999, 0), create("b", 2999, 0), create("c", 2999, 0)),
            List.of(3)),
        Arguments.of(
            "a fourth one starts a second batch",
            List.of(
                create("a", 2999, 0),
                create("b", 2999, 0),
                create("c", 2999, 0),
                create("d", 1, 0)),
            List.of(3, 1)),
        Arguments.of(
            "configs count as records",
            List.of(create("a", 2998, 1), create("b", 2998, 1), create("c", 2998, 2)),
            List.of(2, 1)),
        Arguments.of(
            "a topic larger than a batch goes alone",
            List.of(create("a", 1, 0), create("b", 9500, 0), create("c", 1, 0)),
            List.of(1, 1, 1)),
        Arguments.of(
            "at most 1,000 topics a batch",
            IntStream.range(0, 1001).mapToObj(i -> create("t" + i, 1, 0)).toList(),
            List.of(1000, 1)),
        Arguments.of(
            "steps of other actions are left out",
            List.of(
                create("a", 1, 0),
                TopicStep.builder("b", EXISTS_SAME).partitions(9000).replicationFactor(1).build(),
                create("c", 1, 0)),
            List.of(2)),
        Arguments.of("nothing to create", List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batchCases")
  void batchesStayUnderKraftsRecordLimit(String name, List<TopicStep> steps, List<Integer> sizes) {
    List<List<TopicStep>> batches = TopicPlanner.batches(steps, CREATE);
    assertThat(batches).map(List::size).containsExactlyElementsOf(sizes);
    List<TopicStep> flattened = new ArrayList<>();
    for (List<TopicStep> batch : batches) {
      int records = batch.stream().mapToInt(s -> 1 + s.partitions() + s.configs().size()).sum();
      assertThat(records <= TopicPlanner.MAX_RECORDS_PER_BATCH || batch.size() == 1).isTrue();
      assertThat(records < 10_000 || batch.size() == 1).isTrue();
      flattened.addAll(batch);
    }
    assertThat(flattened)
        .containsExactlyElementsOf(steps.stream().filter(s -> s.action() == CREATE).toList());
  }
}

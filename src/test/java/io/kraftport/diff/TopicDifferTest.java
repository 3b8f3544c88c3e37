package io.kraftport.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.snapshot.ConfigValue;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicDifferTest {
  private static final TopicDiffer DIFFER = new TopicDiffer(ConfigTranslations.standard());

  private static TopicSpec topic(String name, int partitions, int rf, String... configs) {
    var m = new TreeMap<String, ConfigValue>();
    for (int i = 0; i < configs.length; i += 3) {
      m.put(configs[i], ConfigValue.of(configs[i + 1], configs[i + 2]));
    }
    return new TopicSpec(name, partitions, rf, Map.of(), m);
  }

  static Stream<Arguments> cases() {
    TopicSpec orders = topic("orders", 3, 1, "retention.ms", "1000", "DYNAMIC_TOPIC_CONFIG");
    return Stream.of(
        Arguments.of("identical", List.of(orders), List.of(orders), null, List.of()),
        Arguments.of(
            "missing topic",
            List.of(orders),
            List.of(),
            null,
            List.of("DRIFT TOPIC_COUNT topics", "DRIFT TOPIC_MISSING orders")),
        Arguments.of(
            "extra topic",
            List.of(),
            List.of(orders),
            null,
            List.of("DRIFT TOPIC_COUNT topics", "DRIFT TOPIC_EXTRA orders")),
        Arguments.of(
            "partitions",
            List.of(orders),
            List.of(topic("orders", 6, 1, "retention.ms", "1000", "DYNAMIC_TOPIC_CONFIG")),
            null,
            List.of("DRIFT PARTITIONS orders")),
        Arguments.of(
            "config value",
            List.of(orders),
            List.of(topic("orders", 3, 1, "retention.ms", "2000", "DYNAMIC_TOPIC_CONFIG")),
            null,
            List.of("DRIFT CONFIG orders")),
        Arguments.of(
            "same effective value from another source",
            List.of(orders),
            List.of(topic("orders", 3, 1, "retention.ms", "1000", "DEFAULT_CONFIG")),
            null,
            List.of()),
        Arguments.of(
            "replication factor",
            List.of(topic("t", 1, 3)),
            List.of(topic("t", 1, 1)),
            null,
            List.of("DRIFT REPLICATION_FACTOR t")),
        Arguments.of(
            "capped replication factor",
            List.of(topic("t", 1, 3)),
            List.of(topic("t", 1, 1)),
            1,
            List.of("ACCEPTED REPLICATION_FACTOR t")),
        Arguments.of(
            "removed config translated",
            List.of(topic("t", 1, 1, "message.format.version", "2.8", "DYNAMIC_TOPIC_CONFIG")),
            List.of(topic("t", 1, 1, "retention.ms", "1", "DEFAULT_CONFIG")),
            null,
            List.of("TRANSLATED CONFIG t")),
        Arguments.of(
            "config unknown to the target",
            List.of(topic("t", 1, 1, "x.custom", "1", "DYNAMIC_TOPIC_CONFIG")),
            List.of(topic("t", 1, 1)),
            null,
            List.of("DRIFT CONFIG t")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsWhatDiffers(
      String name,
      List<TopicSpec> source,
      List<TopicSpec> target,
      Integer cap,
      List<String> expected) {
    List<Difference> diffs = DIFFER.diff(source, target, new TopicDiffer.Options(cap));
    assertThat(diffs)
        .extracting(d -> d.status() + " " + d.kind() + " " + d.resource())
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void onlyDriftBreaksParity(
      String name,
      List<TopicSpec> source,
      List<TopicSpec> target,
      Integer cap,
      List<String> expected) {
    boolean drift =
        DIFFER.diff(source, target, new TopicDiffer.Options(cap)).stream()
            .anyMatch(Difference::isDrift);
    assertThat(drift).isEqualTo(expected.stream().anyMatch(e -> e.startsWith("DRIFT")));
  }

  @org.junit.jupiter.api.Test
  void namesTheFieldAndBothValues() {
    var d =
        DIFFER.diff(
            List.of(topic("t", 1, 1, "retention.ms", "1000", "DYNAMIC_TOPIC_CONFIG")),
            List.of(topic("t", 1, 1, "retention.ms", "2000", "DYNAMIC_TOPIC_CONFIG")),
            TopicDiffer.Options.DEFAULTS);
    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(Kind.CONFIG);
              assertThat(x.status()).isEqualTo(Status.DRIFT);
              assertThat(x.field()).isEqualTo("retention.ms");
              assertThat(x.expected()).isEqualTo("1000");
              assertThat(x.actual()).isEqualTo("2000");
            });
  }
}

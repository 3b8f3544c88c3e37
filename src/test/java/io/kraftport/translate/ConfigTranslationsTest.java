package io.kraftport.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.snapshot.ConfigValue;
import io.kraftport.translate.ConfigTranslations.Action;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigTranslationsTest {
  private static final ConfigTranslations TABLE = ConfigTranslations.standard();

  /** The names a Kafka 4 target knows among those these tests use. */
  private static final Set<String> KAFKA4 =
      Set.of(
          "cleanup.policy",
          "retention.ms",
          "segment.bytes",
          "message.timestamp.before.max.ms",
          "message.timestamp.after.max.ms",
          "max.message.bytes");

  private static SortedMap<String, ConfigValue> configs(String... nameValueSource) {
    SortedMap<String, ConfigValue> m = new TreeMap<>();
    for (int i = 0; i < nameValueSource.length; i += 3) {
      m.put(nameValueSource[i], ConfigValue.of(nameValueSource[i + 1], nameValueSource[i + 2]));
    }
    return m;
  }

  @Test
  void theShippedTableCoversTheConfigsKafka4Removed() {
    assertThat(TABLE.rules())
        .extracting(ConfigTranslations.Rule::config)
        .contains(
            "message.format.version",
            "message.downconversion.enable",
            "message.timestamp.difference.max.ms");
  }

  @Test
  void dropsARemovedOverrideAndListsIt() {
    var r =
        TABLE.translate(
            configs(
                "message.format.version",
                "2.8",
                "DYNAMIC_TOPIC_CONFIG",
                "cleanup.policy",
                "compact",
                "DYNAMIC_TOPIC_CONFIG"),
            KAFKA4::contains);
    assertThat(r.desired()).containsOnlyKeys("cleanup.policy");
    assertThat(r.explicit()).containsExactly("cleanup.policy");
    assertThat(r.applied())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.config()).isEqualTo("message.format.version");
              assertThat(a.action()).isEqualTo(Action.DROP);
              assertThat(a.result()).isEmpty();
              assertThat(a.describe()).startsWith("message.format.version=2.8 dropped (");
            });
  }

  @Test
  void leavesOutThePlainDefaultOfARemovedConfigSilently() {
    var r =
        TABLE.translate(
            configs(
                "message.format.version",
                "3.0-IV1",
                "DEFAULT_CONFIG",
                "message.downconversion.enable",
                "true",
                "DEFAULT_CONFIG"),
            KAFKA4::contains);
    assertThat(r.desired()).isEmpty();
    assertThat(r.applied()).isEmpty();
  }

  @Test
  void carriesTheTimestampDifferenceToBeforeAndAfter() {
    var r =
        TABLE.translate(
            configs(
                "message.timestamp.difference.max.ms",
                "60000",
                "DYNAMIC_TOPIC_CONFIG",
                "message.timestamp.after.max.ms",
                "9223372036854775807",
                "DEFAULT_CONFIG"),
            KAFKA4::contains);
    assertThat(r.desired())
        .containsEntry("message.timestamp.before.max.ms", "60000")
        .containsEntry("message.timestamp.after.max.ms", "60000")
        .doesNotContainKey("message.timestamp.difference.max.ms");
    assertThat(r.explicit())
        .containsExactly("message.timestamp.after.max.ms", "message.timestamp.before.max.ms");
    assertThat(r.applied())
        .singleElement()
        .extracting(ConfigTranslations.Applied::action)
        .isEqualTo(Action.RENAME);
  }

  @Test
  void anExplicitReplacementWinsOverTheCarriedValue() {
    var r =
        TABLE.translate(
            configs(
                "message.timestamp.difference.max.ms",
                "60000",
                "DYNAMIC_TOPIC_CONFIG",
                "message.timestamp.after.max.ms",
                "5000",
                "DYNAMIC_TOPIC_CONFIG"),
            KAFKA4::contains);
    assertThat(r.desired())
        .containsEntry("message.timestamp.after.max.ms", "5000")
        .containsEntry("message.timestamp.before.max.ms", "60000");
  }

  @Test
  void raisesASegmentSizeBelowTheKafka4Minimum() {
    var r =
        TABLE.translate(
            configs("segment.bytes", "524288", "DYNAMIC_TOPIC_CONFIG"), KAFKA4::contains);
    assertThat(r.desired()).containsEntry("segment.bytes", "1048576");
    assertThat(r.applied())
        .singleElement()
        .extracting(ConfigTranslations.Applied::action)
        .isEqualTo(Action.RAISE_TO_MINIMUM);
  }

  @Test
  void keepsARemovedConfigForATargetThatStillKnowsIt() {
    var r =
        TABLE.translate(
            configs("message.format.version", "2.8", "DYNAMIC_TOPIC_CONFIG"), name -> true);
    assertThat(r.desired()).containsEntry("message.format.version", "2.8");
    assertThat(r.applied()).isEmpty();
  }

  @Test
  void inheritedNonDefaultValuesAreDesiredButNotExplicit() {
    var r =
        TABLE.translate(
            configs("max.message.bytes", "2000000", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
            KAFKA4::contains);
    assertThat(r.desired()).containsEntry("max.message.bytes", "2000000");
    assertThat(r.explicit()).isEmpty();
  }
}

package io.kraftport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.kafka.TopicFilter.Verdict;
import io.kraftport.plan.LeftOut;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFilterTest {
  private static TopicFilter filter(String include, String exclude, boolean internal) {
    return new TopicFilter(
        include.isEmpty() ? List.of() : List.of(Pattern.compile(include)),
        exclude.isEmpty() ? List.of() : List.of(Pattern.compile(exclude)),
        internal);
  }

  @ParameterizedTest(name = "{0} with include={1} exclude={2} internal={3}: {4}")
  @CsvSource({
    // No include: every __ topic is internal and left out.
    "orders,              '',               '',     false, SELECTED",
    "__audit,             '',               '',     false, INTERNAL",
    "_schemas,            '',               '',     false, INTERNAL",
    // An include that names a __ topic selects it ...
    "__audit,             '__audit',        '',     false, SELECTED",
    "__amazon_msk_canary, '__amazon.*',     '',     false, SELECTED",
    "__audit,             'orders|__audit', '',     false, SELECTED",
    // ... only with a whole-name match ...
    "__audit.v2,          '__audit',        '',     false, INTERNAL",
    // ... never Kafka's own internal topics, which need --include-internal.
    "__consumer_offsets,  '__consumer_offsets', '', false, INTERNAL",
    "__transaction_state, '__.*',           '',     false, INTERNAL",
    "__share_group_state, '__.*',           '',     false, INTERNAL",
    "__cluster_metadata,  '__.*',           '',     false, INTERNAL",
    "__remote_log_metadata, '__.*',         '',     false, INTERNAL",
    "_schemas,            '_schemas',       '',     false, INTERNAL",
    "__consumer_offsets,  '',               '',     true,  SELECTED",
    "__consumer_offsets,  'orders',         '',     true,  FILTERED",
    // exclude always wins.
    "__audit,             '__audit',        '__.*', false, FILTERED",
    "orders,              'pay.*',          '',     false, FILTERED",
    "orders,              '',               'ord.*', false, FILTERED",
  })
  void decides(String topic, String include, String exclude, boolean internal, Verdict expected) {
    assertThat(filter(include, exclude, internal).verdict(topic)).isEqualTo(expected);
    assertThat(filter(include, exclude, internal).test(topic))
        .isEqualTo(expected == Verdict.SELECTED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "__consumer_offsets",
    "__transaction_state",
    "__share_group_state",
    "__cluster_metadata"
  })
  void kafkaClientsInternalTopicsAreKafkasOwn(String topic) {
    assertThat(
            org.apache.kafka.common.internals.Topic.isInternal(topic)
                || topic.equals("__cluster_metadata"))
        .isTrue();
    assertThat(TopicFilter.isKafkaOwn(topic)).isTrue();
  }

  @org.junit.jupiter.api.Test
  void countsWhatItLeavesOutAndWhy() {
    TopicFilter f = filter("pay.*|__audit", "", false);
    assertThat(
            f.leftOut(
                List.of(
                    "payments",
                    "orders",
                    "clicks",
                    "__audit",
                    "__consumer_offsets",
                    "_schemas",
                    "__other")))
        .isEqualTo(new LeftOut(2, 3));
    assertThat(TopicFilter.EVERY_TOPIC.leftOut(List.of("__consumer_offsets", "a")))
        .isEqualTo(LeftOut.NONE);
  }
}

package io.kraftport.gate;

import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.kafka.KafkaErrors;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/** The consumer groups of a cluster whose id matches a pattern, described, sorted by group id. */
final class ConsumerGroups {
  private ConsumerGroups() {}

  // listConsumerGroups is deprecated in the 4.x client in favour of listGroups with a type filter,
  // which needs a
  // ListGroups version the 3.x source brokers (ZooKeeper mode, MSK 3.7) may not serve; this is the
  // call they answer.
  @SuppressWarnings({"deprecation", "removal"})
  static Map<String, ConsumerGroupDescription> describe(
      Admin admin, ClusterEndpoint endpoint, Pattern groups) {
    List<String> ids =
        KafkaErrors.await(admin.listConsumerGroups().all(), endpoint, "list consumer groups")
            .stream()
            .map(ConsumerGroupListing::groupId)
            .filter(g -> groups.matcher(g).matches())
            .sorted()
            .toList();
    if (ids.isEmpty()) {
      return new TreeMap<>();
    }
    return new TreeMap<>(
        KafkaErrors.await(
            admin.describeConsumerGroups(ids).all(), endpoint, "describe consumer groups"));
  }
}

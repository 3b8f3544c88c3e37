package io.kraftport.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.kraftport.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.internals.Topic;

/**
 * The checks a snapshot must pass beyond its shape: what no cluster or registry can hold, and what
 * an import would otherwise write half of. Works on the snapshot's JSON tree, so that a problem is
 * named by its JSON path in the file as written (the model sorts topics and subjects, which would
 * move the indexes), such as {@code topics[7].name: duplicate topic "orders" (first at topics[2])}.
 *
 * <p>Topics: a valid Kafka name (Kafka's own rules), no name twice, no two names that collide in
 * Kafka's metric names ({@code clash.a} and {@code clash_a}: a ZooKeeper-mode source refuses the
 * second, a single KRaft batch accepts both), at least one partition and one replica, irregular
 * replica counts only for existing partitions and at least one. Registry: no subject twice,
 * versions from 1 and none twice in a subject, positive schema ids. A reference to a subject the
 * snapshot lacks is allowed: a filtered export leaves referenced subjects out, and the import
 * resolves them on the target.
 */
public final class SnapshotValidator {
  private SnapshotValidator() {}

  /**
   * Checks a snapshot built in memory (a live read) as if it had been written and read back.
   *
   * @throws InvalidInputException naming the first problem by its JSON path
   */
  public static void validate(Snapshot snapshot) {
    check(SnapshotCodec.mapper().valueToTree(snapshot));
  }

  /**
   * Checks a snapshot's JSON tree. Values of the wrong type are skipped: reading the tree into the
   * model reports those with their path.
   *
   * @throws InvalidInputException naming the first problem by its JSON path
   */
  static void check(JsonNode tree) {
    checkTopics(tree.path("topics"));
    checkRegistry(tree.path("registry").path("subjects"));
  }

  private static void checkTopics(JsonNode topics) {
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byMetricName = new HashMap<>();
    for (int i = 0; i < topics.size(); i++) {
      JsonNode topic = topics.get(i);
      String at = "topics[" + i + "]";
      JsonNode name = topic.path("name");
      if (name.isTextual()) {
        checkTopicName(name.textValue(), at + ".name", byName, byMetricName, i);
      }
      atLeastOne(topic.path("partitions"), at + ".partitions");
      atLeastOne(topic.path("replicationFactor"), at + ".replicationFactor");
      checkReplicaCounts(topic.path("irregularReplicaCounts"), topic.path("partitions"), at);
    }
  }

  private static void checkTopicName(
      String name,
      String at,
      Map<String, Integer> byName,
      Map<String, Integer> byMetricName,
      int index) {
    Topic.validate(
        name,
        "topic name",
        problem -> {
          throw problem(at, problem);
        });
    Integer first = byName.putIfAbsent(name, index);
    if (first != null) {
      throw problem(at, "duplicate topic \"" + name + "\" (first at topics[" + first + "])");
    }
    Integer clash = byMetricName.putIfAbsent(Topic.unifyCollisionChars(name), index);
    if (clash != null) {
      String other =
          byName.entrySet().stream()
              .filter(e -> e.getValue().equals(clash))
              .findFirst()
              .orElseThrow()
              .getKey();
      throw problem(
          at,
          "\""
              + name
              + "\" collides with \""
              + other
              + "\" (topics["
              + clash
              + "]) in Kafka's metric names");
    }
  }

  private static void checkReplicaCounts(JsonNode counts, JsonNode partitions, String at) {
    for (Map.Entry<String, JsonNode> entry : counts.properties()) {
      String where = at + ".irregularReplicaCounts." + entry.getKey();
      int partition;
      try {
        partition = Integer.parseInt(entry.getKey());
      } catch (NumberFormatException e) {
        continue; // not a partition number: reading the model reports it
      }
      if (partition < 0 || (partitions.isInt() && partition >= partitions.intValue())) {
        throw problem(
            where,
            "partition "
                + partition
                + " does not exist"
                + (partitions.isInt()
                    ? " (the topic has " + partitions.intValue() + " partitions)"
                    : ""));
      }
      atLeastOne(entry.getValue(), where);
    }
  }

  private static void checkRegistry(JsonNode subjects) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < subjects.size(); i++) {
      JsonNode subject = subjects.get(i);
      String at = "registry.subjects[" + i + "]";
      JsonNode name = subject.path("name");
      if (name.isTextual()) {
        Integer first = byName.putIfAbsent(name.textValue(), i);
        if (first != null) {
          throw problem(
              at + ".name",
              "duplicate subject \""
                  + name.textValue()
                  + "\" (first at registry.subjects["
                  + first
                  + "])");
        }
      }
      checkVersions(subject.path("versions"), at);
    }
  }

  private static void checkVersions(JsonNode versions, String subjectAt) {
    Map<Integer, Integer> byNumber = new HashMap<>();
    for (int j = 0; j < versions.size(); j++) {
      JsonNode version = versions.get(j);
      String at = subjectAt + ".versions[" + j + "]";
      if (!version.isObject()) {
        continue;
      }
      // A missing number reads as 0 (the file leaves default values out), as wrong as a negative
      // one.
      JsonNode number = version.path("version");
      if (number.isMissingNode() || number.isInt()) {
        if (number.asInt() < 1) {
          throw problem(at + ".version", "version must be at least 1: " + number.asInt());
        }
        Integer first = byNumber.putIfAbsent(number.asInt(), j);
        if (first != null) {
          throw problem(
              at + ".version",
              "duplicate version "
                  + number.asInt()
                  + " (first at "
                  + subjectAt
                  + ".versions["
                  + first
                  + "])");
        }
      }
      JsonNode id = version.path("id");
      if ((id.isMissingNode() || id.isInt()) && id.asInt() < 1) {
        throw problem(at + ".id", "schema id must be positive: " + id.asInt());
      }
    }
  }

  private static void atLeastOne(JsonNode value, String at) {
    if (value.isInt() && value.intValue() < 1) {
      throw problem(at, "must be at least 1, was " + value.intValue());
    }
  }

  private static InvalidInputException problem(String at, String what) {
    return new InvalidInputException(at + ": " + what);
  }
}

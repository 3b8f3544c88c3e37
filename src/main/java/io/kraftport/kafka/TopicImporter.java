package io.kraftport.kafka;

import io.kraftport.Progress;
import io.kraftport.plan.TargetWarning;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreatePartitionsOptions;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Recreates a snapshot's topics on a target cluster. {@link #plan} reads the target and has {@link
 * TopicPlanner} decide per topic (create, already there, conflict, refused) without writing; {@link
 * #validate} asks the target to check every create and alter without doing it; {@link #apply}
 * carries a plan out in batches, one Admin request per batch.
 */
public final class TopicImporter {
  private final Admin admin;
  private final ClusterEndpoint endpoint;
  private final ClusterReader reader;
  private final TopicPlanner planner;

  public TopicImporter(KafkaAdmins.Connection target, ConfigTranslations translations) {
    this.admin = target.admin();
    this.endpoint = target.endpoint();
    this.reader = new ClusterReader(target);
    this.planner = new TopicPlanner(translations);
  }

  /** How import treats what the target already has and what it would change. */
  public record Options(boolean pinDefaults, boolean alterExisting, Integer replicationFactorCap) {
    public static final Options DEFAULTS = new Options(true, false, null);
  }

  /**
   * Builds the plan for the snapshot's topics; topics the filter leaves out are SKIPPED. Writes
   * nothing.
   */
  public TopicPlan plan(List<TopicSpec> sourceTopics, TopicFilter filter, Options options) {
    ClusterInfo target = reader.clusterInfo();
    List<TargetWarning> warnings = reader.autoTopicCreation().stream().toList();
    TopicPlanner.TargetDefaults defaults = targetDefaults();
    Set<String> existing = Set.copyOf(reader.topicNames(TopicFilter.EVERY_TOPIC));
    List<String> selectedExisting =
        sourceTopics.stream()
            .map(TopicSpec::name)
            .filter(filter::test)
            .filter(existing::contains)
            .toList();
    Map<String, TopicSpec> onTarget = new HashMap<>();
    for (TopicSpec t : reader.describe(selectedExisting)) {
      onTarget.put(t.name(), t);
    }
    return planner.plan(
        sourceTopics,
        filter,
        options,
        new TopicPlanner.Target(target, warnings, defaults, onTarget));
  }

  /**
   * The configs a new topic gets on the target, learnt by asking the target to validate creating
   * one.
   */
  TopicPlanner.TargetDefaults targetDefaults() {
    String probe = "kraftport-probe-" + UUID.randomUUID();
    CreateTopicsResult result =
        admin.createTopics(
            List.of(new NewTopic(probe, 1, (short) 1)),
            new CreateTopicsOptions().validateOnly(true));
    Config config =
        KafkaErrors.await(result.config(probe), endpoint, "read the target's topic defaults");
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigEntry e : config.entries()) {
      values.put(e.name(), e.value());
    }
    return new TopicPlanner.TargetDefaults(values);
  }

  /**
   * Asks the target to validate every CREATE and ALTER without doing it, in the same batches {@link
   * #apply} sends; refused topics come back as REFUSED steps.
   */
  public TopicPlan validate(TopicPlan plan) {
    Map<String, String> refusals = new HashMap<>();
    for (List<TopicStep> batch : TopicPlanner.batches(plan.steps(), Action.CREATE)) {
      CreateTopicsResult result =
          admin.createTopics(newTopics(batch), new CreateTopicsOptions().validateOnly(true));
      collectFailures(result.values(), refusals, false);
    }
    alter(plan.steps().stream().filter(s -> s.action() == Action.ALTER).toList(), refusals, true);
    return plan.withRefusals(refusals);
  }

  /**
   * Carries out the plan's CREATE and ALTER steps; the returned plan marks steps the target
   * refused.
   */
  public TopicPlan apply(TopicPlan plan) {
    return apply(plan, Progress.NONE);
  }

  /** Carries out the plan, reporting created topics to {@code progress} after each batch. */
  public TopicPlan apply(TopicPlan plan, Progress progress) {
    Map<String, String> refusals = new HashMap<>();
    long total = plan.count(Action.CREATE);
    long done = 0;
    for (List<TopicStep> batch : TopicPlanner.batches(plan.steps(), Action.CREATE)) {
      CreateTopicsResult result = admin.createTopics(newTopics(batch));
      // A client retry after a slow request can report a topic it created itself as existing: that
      // is success.
      collectFailures(result.values(), refusals, true);
      done += batch.size();
      progress.advance("topics created", done, total);
    }
    awaitVisible(
        plan.steps().stream()
            .filter(st -> st.action() == Action.CREATE && !refusals.containsKey(st.topic()))
            .map(TopicStep::topic)
            .toList(),
        refusals);
    alter(plan.steps().stream().filter(s -> s.action() == Action.ALTER).toList(), refusals, false);
    return plan.withRefusals(refusals);
  }

  /**
   * Waits until the target lists every created topic. KRaft answers CreateTopics once the
   * controller has committed the records, but the broker applies them a little later (seconds for
   * thousands of topics): without the wait, a diff right after an import sees topics missing.
   */
  private void awaitVisible(List<String> created, Map<String, String> refusals) {
    if (created.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + endpoint.timeout().toNanos();
    Set<String> missing = new java.util.HashSet<>(created);
    while (true) {
      missing.removeAll(reader.topicNames(TopicFilter.EVERY_TOPIC));
      if (missing.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        missing.forEach(
            t ->
                refusals.put(
                    t,
                    "created, but the target did not list it within "
                        + endpoint.timeout().toSeconds()
                        + " s"));
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw KafkaErrors.translate(e, endpoint, "wait for the created topics");
      }
    }
  }

  private void alter(List<TopicStep> steps, Map<String, String> refusals, boolean validateOnly) {
    if (steps.isEmpty()) {
      return;
    }
    Map<String, NewPartitions> partitions = new LinkedHashMap<>();
    Map<ConfigResource, Collection<AlterConfigOp>> configs = new LinkedHashMap<>();
    for (TopicStep s : steps) {
      if (s.changesPartitions()) {
        partitions.put(s.topic(), NewPartitions.increaseTo(s.partitions()));
      }
      if (!s.configs().isEmpty()) {
        configs.put(
            new ConfigResource(ConfigResource.Type.TOPIC, s.topic()),
            s.configs().entrySet().stream()
                .map(
                    e ->
                        new AlterConfigOp(
                            new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList());
      }
    }
    if (!partitions.isEmpty()) {
      collectFailures(
          admin
              .createPartitions(
                  partitions, new CreatePartitionsOptions().validateOnly(validateOnly))
              .values(),
          refusals,
          false);
    }
    if (!configs.isEmpty()) {
      Map<String, KafkaFuture<Void>> byTopic = new LinkedHashMap<>();
      admin
          .incrementalAlterConfigs(configs, new AlterConfigsOptions().validateOnly(validateOnly))
          .values()
          .forEach((r, f) -> byTopic.put(r.name(), f));
      collectFailures(byTopic, refusals, false);
    }
  }

  private void collectFailures(
      Map<String, KafkaFuture<Void>> futures,
      Map<String, String> refusals,
      boolean existsIsSuccess) {
    for (Map.Entry<String, KafkaFuture<Void>> e : futures.entrySet()) {
      try {
        e.getValue().get();
      } catch (ExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof TopicExistsException) {
          if (existsIsSuccess) {
            continue;
          }
          // The plan read the target's topic list from a broker that had not yet applied this
          // topic's creation
          // (or someone created it since): never count it as ours, have the next run compare it.
          refusals.merge(
              e.getKey(),
              "already exists on the target, created after the plan read the target's"
                  + " topics: run the import again to compare it",
              (a, b) -> a + "; " + b);
          continue;
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException
            || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
          throw KafkaErrors.translate(cause, endpoint, "create topics");
        }
        refusals.merge(
            e.getKey(),
            cause.getClass().getSimpleName() + ": " + cause.getMessage(),
            (a, b) -> a + "; " + b);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw KafkaErrors.translate(ex, endpoint, "create topics");
      }
    }
  }

  private static List<NewTopic> newTopics(List<TopicStep> batch) {
    return batch.stream()
        .map(
            s ->
                new NewTopic(s.topic(), s.partitions(), (short) s.replicationFactor())
                    .configs(s.configs()))
        .toList();
  }
}

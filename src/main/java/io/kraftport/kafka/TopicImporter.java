package io.kraftport.kafka;

import io.kraftport.Progress;
import io.kraftport.plan.TargetWarning;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.plan.TopicStep.FieldChange;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * Recreates a snapshot's topics on a target cluster. {@link #plan} reads the target and decides per topic (create,
 * already there, conflict, refused) without writing; {@link #validate} asks the target to check every create and
 * alter without doing it; {@link #apply} carries a plan out in batches, one Admin request per batch.
 */
public final class TopicImporter {
  /**
   * KRaft refuses a CreateTopics request that makes more than 10,000 metadata records, counted as topics times
   * (1 + partitions + configs); stay well under it.
   */
  static final int MAX_RECORDS_PER_BATCH = 9_000;

  static final int MAX_TOPICS_PER_BATCH = 1_000;

  private final Admin admin;
  private final ClusterEndpoint endpoint;
  private final ClusterReader reader;
  private final ConfigTranslations translations;

  public TopicImporter(KafkaAdmins.Connection target, ConfigTranslations translations) {
    this.admin = target.admin();
    this.endpoint = target.endpoint();
    this.reader = new ClusterReader(target);
    this.translations = translations;
  }

  /** How import treats what the target already has and what it would change. */
  public record Options(boolean pinDefaults, boolean alterExisting, Integer replicationFactorCap) {
    public static final Options DEFAULTS = new Options(true, false, null);
  }

  /** Builds the plan for the snapshot's topics; topics the filter leaves out are SKIPPED. Writes nothing. */
  public TopicPlan plan(List<TopicSpec> sourceTopics, TopicFilter filter, Options options) {
    ClusterInfo target = reader.clusterInfo();
    List<TargetWarning> warnings = reader.autoTopicCreation().stream().toList();
    TargetDefaults defaults = targetDefaults();
    Set<String> existing = Set.copyOf(reader.topicNames(TopicFilter.EVERY_TOPIC));
    List<String> selectedExisting = sourceTopics.stream()
        .map(TopicSpec::name)
        .filter(filter::test)
        .filter(existing::contains)
        .toList();
    Map<String, TopicSpec> onTarget = new HashMap<>();
    for (TopicSpec t : reader.describe(selectedExisting)) {
      onTarget.put(t.name(), t);
    }
    List<TopicStep> steps = new ArrayList<>();
    for (TopicSpec source : sourceTopics) {
      TopicFilter.Verdict verdict = filter.verdict(source.name());
      if (verdict != TopicFilter.Verdict.SELECTED) {
        steps.add(new TopicStep(source.name(), Action.SKIPPED, source.partitions(), source.replicationFactor(),
            null, null, null, null, verdict == TopicFilter.Verdict.INTERNAL
                ? "internal topic, left out (--include-internal selects it)"
                : "left out by --include/--exclude"));
        continue;
      }
      steps.add(step(source, onTarget.get(source.name()), defaults, target, options));
    }
    return new TopicPlan(target, warnings, filter.leftOut(sourceTopics.stream().map(TopicSpec::name).toList()), steps);
  }

  private TopicStep step(TopicSpec source, TopicSpec existing, TargetDefaults defaults, ClusterInfo target,
      Options options) {
    ConfigTranslations.Result tr = translations.translate(source.configs(),
        existing == null ? defaults::knows : name -> existing.configs().containsKey(name));
    int rf = source.replicationFactor();
    String capNote = null;
    if (options.replicationFactorCap() != null && rf > options.replicationFactorCap()) {
      capNote = "replication factor capped from " + rf + " to " + options.replicationFactorCap()
          + " by --replication-factor";
      rf = options.replicationFactorCap();
    }
    if (existing != null) {
      return compareExisting(source, existing, tr, rf, capNote, options);
    }
    SortedMap<String, String> configs = new TreeMap<>();
    SortedMap<String, String> pins = new TreeMap<>();
    tr.explicit().forEach(name -> configs.put(name, tr.desired().get(name)));
    if (options.pinDefaults()) {
      tr.desired().forEach((name, value) -> {
        if (!configs.containsKey(name) && defaults.knows(name) && !value.equals(defaults.value(name))) {
          pins.put(name, value);
        }
      });
      configs.putAll(pins);
    }
    if (rf > target.brokerCount()) {
      return new TopicStep(source.name(), Action.REFUSED, source.partitions(), rf, configs, pins,
          tr.applied(), null, "replication factor " + rf + " is larger than the " + target.brokerCount()
              + " broker(s) of the target; pass --replication-factor " + target.brokerCount() + " to cap it");
    }
    return new TopicStep(source.name(), Action.CREATE, source.partitions(), rf, configs, pins, tr.applied(), null,
        capNote);
  }

  private TopicStep compareExisting(TopicSpec source, TopicSpec existing, ConfigTranslations.Result tr, int rf,
      String capNote, Options options) {
    List<FieldChange> changes = new ArrayList<>();
    boolean fixable = true;
    if (source.partitions() != existing.partitions()) {
      changes.add(new FieldChange("partitions", Integer.toString(source.partitions()),
          Integer.toString(existing.partitions())));
      fixable &= source.partitions() > existing.partitions();
    }
    if (rf != existing.replicationFactor()) {
      changes.add(new FieldChange("replicationFactor", Integer.toString(rf),
          Integer.toString(existing.replicationFactor())));
      fixable = false;
    }
    SortedMap<String, String> configs = new TreeMap<>();
    SortedMap<String, String> actual = existing.effectiveValues();
    tr.desired().forEach((name, value) -> {
      boolean compared = options.pinDefaults() || tr.explicit().contains(name);
      if (compared && existing.configs().containsKey(name) && !value.equals(actual.get(name))) {
        changes.add(new FieldChange("config " + name, value, actual.get(name)));
        configs.put(name, value);
      }
    });
    if (changes.isEmpty()) {
      return new TopicStep(source.name(), Action.EXISTS_SAME, existing.partitions(), existing.replicationFactor(),
          null, null, tr.applied(), null, capNote);
    }
    if (options.alterExisting() && fixable) {
      return new TopicStep(source.name(), Action.ALTER, source.partitions(), rf, configs, null, tr.applied(),
          changes, "--alter-existing");
    }
    String why = !options.alterExisting()
        ? "exists on the target with another definition; left untouched (--alter-existing changes what can be"
            + " changed)"
        : "exists on the target with a definition that cannot be altered in place (fewer partitions or another"
            + " replication factor)";
    return new TopicStep(source.name(), Action.CONFLICT, source.partitions(), rf, null, null, tr.applied(),
        changes, why);
  }

  /** The configs a new topic gets on the target, learnt by asking the target to validate creating one. */
  record TargetDefaults(Map<String, String> values) {
    boolean knows(String name) {
      return values.containsKey(name);
    }

    String value(String name) {
      return values.get(name);
    }
  }

  TargetDefaults targetDefaults() {
    String probe = "kraftport-probe-" + UUID.randomUUID();
    CreateTopicsResult result = admin.createTopics(
        List.of(new NewTopic(probe, 1, (short) 1)), new CreateTopicsOptions().validateOnly(true));
    Config config = KafkaErrors.await(result.config(probe), endpoint, "read the target's topic defaults");
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigEntry e : config.entries()) {
      values.put(e.name(), e.value());
    }
    return new TargetDefaults(values);
  }

  /**
   * Asks the target to validate every CREATE and ALTER without doing it, in the same batches {@link #apply} sends;
   * refused topics come back as REFUSED steps.
   */
  public TopicPlan validate(TopicPlan plan) {
    Map<String, String> refusals = new HashMap<>();
    for (List<TopicStep> batch : batches(plan.steps(), Action.CREATE)) {
      CreateTopicsResult result = admin.createTopics(newTopics(batch), new CreateTopicsOptions().validateOnly(true));
      collectFailures(result.values(), refusals, false);
    }
    alter(plan.steps().stream().filter(s -> s.action() == Action.ALTER).toList(), refusals, true);
    return plan.withRefusals(refusals);
  }

  /** Carries out the plan's CREATE and ALTER steps; the returned plan marks steps the target refused. */
  public TopicPlan apply(TopicPlan plan) {
    return apply(plan, Progress.NONE);
  }

  /** Carries out the plan, reporting created topics to {@code progress} after each batch. */
  public TopicPlan apply(TopicPlan plan, Progress progress) {
    Map<String, String> refusals = new HashMap<>();
    long total = plan.count(Action.CREATE);
    long done = 0;
    for (List<TopicStep> batch : batches(plan.steps(), Action.CREATE)) {
      CreateTopicsResult result = admin.createTopics(newTopics(batch));
      // A client retry after a slow request can report a topic it created itself as existing: that is success.
      collectFailures(result.values(), refusals, true);
      done += batch.size();
      progress.advance("topics created", done, total);
    }
    awaitVisible(plan.steps().stream()
        .filter(st -> st.action() == Action.CREATE && !refusals.containsKey(st.topic()))
        .map(TopicStep::topic).toList(), refusals);
    alter(plan.steps().stream().filter(s -> s.action() == Action.ALTER).toList(), refusals, false);
    return plan.withRefusals(refusals);
  }

  /**
   * Waits until the target lists every created topic. KRaft answers CreateTopics once the controller has committed
   * the records, but the broker applies them a little later (seconds for thousands of topics): without the wait, a
   * diff right after an import sees topics missing.
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
        missing.forEach(t -> refusals.put(t, "created, but the target did not list it within "
            + endpoint.timeout().toSeconds() + " s"));
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
      if (s.changes().stream().anyMatch(c -> c.field().equals("partitions"))) {
        partitions.put(s.topic(), NewPartitions.increaseTo(s.partitions()));
      }
      if (!s.configs().isEmpty()) {
        configs.put(new ConfigResource(ConfigResource.Type.TOPIC, s.topic()), s.configs().entrySet().stream()
            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
            .toList());
      }
    }
    if (!partitions.isEmpty()) {
      collectFailures(admin.createPartitions(partitions, new CreatePartitionsOptions().validateOnly(validateOnly))
          .values(), refusals, false);
    }
    if (!configs.isEmpty()) {
      Map<String, KafkaFuture<Void>> byTopic = new LinkedHashMap<>();
      admin.incrementalAlterConfigs(configs, new AlterConfigsOptions().validateOnly(validateOnly)).values()
          .forEach((r, f) -> byTopic.put(r.name(), f));
      collectFailures(byTopic, refusals, false);
    }
  }

  private void collectFailures(Map<String, KafkaFuture<Void>> futures, Map<String, String> refusals,
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
          // The plan read the target's topic list from a broker that had not yet applied this topic's creation
          // (or someone created it since): never count it as ours, have the next run compare it.
          refusals.merge(e.getKey(), "already exists on the target, created after the plan read the target's"
              + " topics: run the import again to compare it", (a, b) -> a + "; " + b);
          continue;
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException
            || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
          throw KafkaErrors.translate(cause, endpoint, "create topics");
        }
        refusals.merge(e.getKey(), cause.getClass().getSimpleName() + ": " + cause.getMessage(),
            (a, b) -> a + "; " + b);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw KafkaErrors.translate(ex, endpoint, "create topics");
      }
    }
  }

  private static List<NewTopic> newTopics(List<TopicStep> batch) {
    return batch.stream()
        .map(s -> new NewTopic(s.topic(), s.partitions(), (short) s.replicationFactor()).configs(s.configs()))
        .toList();
  }

  /** Splits the steps of one action into batches that stay under the controller's record limit. */
  static List<List<TopicStep>> batches(List<TopicStep> steps, Action action) {
    List<List<TopicStep>> out = new ArrayList<>();
    List<TopicStep> current = new ArrayList<>();
    int records = 0;
    for (TopicStep s : steps) {
      if (s.action() != action) {
        continue;
      }
      int cost = 1 + s.partitions() + s.configs().size();
      if (!current.isEmpty() && (records + cost > MAX_RECORDS_PER_BATCH || current.size() >= MAX_TOPICS_PER_BATCH)) {
        out.add(current);
        current = new ArrayList<>();
        records = 0;
      }
      current.add(s);
      records += cost;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}

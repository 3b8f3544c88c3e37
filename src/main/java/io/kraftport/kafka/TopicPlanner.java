package io.kraftport.kafka;

import io.kraftport.plan.TargetWarning;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.plan.TopicStep.FieldChange;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pure half of topic import: decides per topic (create, already there, conflict, alter,
 * refused, skipped) from what {@link TopicImporter} read of the target, and splits the creates into
 * batches the controller accepts. Reads and writes nothing.
 */
final class TopicPlanner {
  /**
   * KRaft refuses a CreateTopics request that makes more than 10,000 metadata records, counted as
   * topics times (1 + partitions + configs); stay well under it.
   */
  static final int MAX_RECORDS_PER_BATCH = 9_000;

  static final int MAX_TOPICS_PER_BATCH = 1_000;

  private final ConfigTranslations translations;

  TopicPlanner(ConfigTranslations translations) {
    this.translations = translations;
  }

  /**
   * The configs a new topic gets on the target, learnt by asking the target to validate creating
   * one.
   */
  record TargetDefaults(Map<String, String> values) {
    TargetDefaults {
      // A sensitive default comes back without a value: keep the null, Map.copyOf would refuse it.
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    boolean knows(String name) {
      return values.containsKey(name);
    }

    String value(String name) {
      return values.get(name);
    }
  }

  /**
   * What was read of the target: its facts (the broker count among them), its warnings, the
   * defaults of a new topic, and the definitions of the snapshot's selected topics that it already
   * has, by name.
   */
  record Target(
      ClusterInfo info,
      List<TargetWarning> warnings,
      TargetDefaults defaults,
      Map<String, TopicSpec> existing) {
    Target {
      warnings = List.copyOf(warnings);
      existing = Map.copyOf(existing);
    }
  }

  /**
   * The plan for the snapshot's topics against what was read of the target; filtered-out topics are
   * SKIPPED.
   */
  TopicPlan plan(
      List<TopicSpec> sourceTopics,
      TopicFilter filter,
      TopicImporter.Options options,
      Target target) {
    List<TopicStep> steps = new ArrayList<>();
    for (TopicSpec source : sourceTopics) {
      TopicFilter.Verdict verdict = filter.verdict(source.name());
      if (verdict != TopicFilter.Verdict.SELECTED) {
        steps.add(
            TopicStep.builder(source.name(), Action.SKIPPED)
                .partitions(source.partitions())
                .replicationFactor(source.replicationFactor())
                .reason(
                    verdict == TopicFilter.Verdict.INTERNAL
                        ? "internal topic, left out (--include-internal selects it)"
                        : "left out by --include/--exclude")
                .build());
        continue;
      }
      steps.add(
          step(
              source,
              target.existing().get(source.name()),
              target.defaults(),
              target.info(),
              options));
    }
    return new TopicPlan(
        target.info(),
        target.warnings(),
        filter.leftOut(sourceTopics.stream().map(TopicSpec::name).toList()),
        steps);
  }

  private TopicStep step(
      TopicSpec source,
      TopicSpec existing,
      TargetDefaults defaults,
      ClusterInfo target,
      TopicImporter.Options options) {
    ConfigTranslations.Result tr =
        translations.translate(
            source.configs(),
            existing == null ? defaults::knows : name -> existing.configs().containsKey(name));
    int rf = source.replicationFactor();
    String capNote = null;
    if (options.replicationFactorCap() != null && rf > options.replicationFactorCap()) {
      capNote =
          "replication factor capped from "
              + rf
              + " to "
              + options.replicationFactorCap()
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
      tr.desired()
          .forEach(
              (name, value) -> {
                if (!configs.containsKey(name)
                    && defaults.knows(name)
                    && !value.equals(defaults.value(name))) {
                  pins.put(name, value);
                }
              });
      configs.putAll(pins);
    }
    if (rf > target.brokerCount()) {
      return TopicStep.builder(source.name(), Action.REFUSED)
          .partitions(source.partitions())
          .replicationFactor(rf)
          .configs(configs)
          .pins(pins)
          .translations(tr.applied())
          .reason(
              "replication factor "
                  + rf
                  + " is larger than the "
                  + target.brokerCount()
                  + " broker(s) of the target; pass --replication-factor "
                  + target.brokerCount()
                  + " to cap it")
          .build();
    }
    return withCapNote(
            TopicStep.builder(source.name(), Action.CREATE)
                .partitions(source.partitions())
                .replicationFactor(rf)
                .configs(configs)
                .pins(pins)
                .translations(tr.applied()),
            capNote)
        .build();
  }

  private static TopicStep.Builder withCapNote(TopicStep.Builder step, String capNote) {
    return capNote == null ? step : step.note(TopicStep.Note.REPLICATION_FACTOR_CAPPED, capNote);
  }

  /**
   * The step for a topic the target has already: EXISTS_SAME when nothing compared differs, ALTER
   * when asked and every difference can be changed in place (more partitions, configs), CONFLICT
   * otherwise. Configs are compared only where the target has them, and only explicit ones unless
   * defaults are pinned.
   */
  static TopicStep compareExisting(
      TopicSpec source,
      TopicSpec existing,
      ConfigTranslations.Result tr,
      int rf,
      String capNote,
      TopicImporter.Options options) {
    List<FieldChange> changes = new ArrayList<>();
    boolean fixable = true;
    if (source.partitions() != existing.partitions()) {
      changes.add(FieldChange.partitions(source.partitions(), existing.partitions()));
      fixable &= source.partitions() > existing.partitions();
    }
    if (rf != existing.replicationFactor()) {
      changes.add(FieldChange.replicationFactor(rf, existing.replicationFactor()));
      fixable = false;
    }
    SortedMap<String, String> configs = new TreeMap<>();
    SortedMap<String, String> actual = existing.effectiveValues();
    tr.desired()
        .forEach(
            (name, value) -> {
              boolean compared = options.pinDefaults() || tr.explicit().contains(name);
              if (compared
                  && existing.configs().containsKey(name)
                  && !value.equals(actual.get(name))) {
                changes.add(FieldChange.config(name, value, actual.get(name)));
                configs.put(name, value);
              }
            });
    if (changes.isEmpty()) {
      return withCapNote(
              TopicStep.builder(source.name(), Action.EXISTS_SAME)
                  .partitions(existing.partitions())
                  .replicationFactor(existing.replicationFactor())
                  .translations(tr.applied()),
              capNote)
          .build();
    }
    if (options.alterExisting() && fixable) {
      return TopicStep.builder(source.name(), Action.ALTER)
          .partitions(source.partitions())
          .replicationFactor(rf)
          .configs(configs)
          .translations(tr.applied())
          .changes(changes)
          .reason("--alter-existing")
          .build();
    }
    String why =
        !options.alterExisting()
            ? "exists on the target with another definition; left untouched (--alter-existing changes what can be"
                + " changed)"
            : "exists on the target with a definition that cannot be altered in place (fewer partitions or another"
                + " replication factor)";
    return TopicStep.builder(source.name(), Action.CONFLICT)
        .partitions(source.partitions())
        .replicationFactor(rf)
        .translations(tr.applied())
        .changes(changes)
        .reason(why)
        .build();
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
      if (!current.isEmpty()
          && (records + cost > MAX_RECORDS_PER_BATCH || current.size() >= MAX_TOPICS_PER_BATCH)) {
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

package io.kraftport.registry;

import static io.kraftport.plan.ImportStep.Action.CONFLICT;
import static io.kraftport.plan.ImportStep.Action.EXISTS_SAME;
import static io.kraftport.plan.ImportStep.Action.REGISTER;
import static io.kraftport.plan.ImportStep.Action.SOFT_DELETE;
import static io.kraftport.registry.Fixtures.RECORD_A;
import static io.kraftport.registry.Fixtures.RECORD_A_REFORMATTED;
import static io.kraftport.registry.Fixtures.RECORD_B;
import static io.kraftport.registry.Fixtures.STRING;
import static io.kraftport.registry.Fixtures.avro;
import static io.kraftport.registry.Fixtures.deleted;
import static io.kraftport.registry.Fixtures.ref;
import static io.kraftport.registry.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportStep;
import io.kraftport.plan.SettingChange;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImportPlannerTest {
  private final ImportPlanner planner = new ImportPlanner(new TestCanon());

  private ImportPlan plan(
      RegistrySnapshot source, RegistrySnapshot target, RegistryFlavor flavor, boolean allow) {
    return planner.plan(source, target, flavor, ImportOptions.DEFAULT.withAllowIdChange(allow));
  }

  private ImportStep onlyStep(RegistrySnapshot source, RegistrySnapshot target, boolean allow) {
    ImportPlan p = plan(source, target, RegistryFlavor.CONFLUENT, allow);
    assertThat(p.steps()).hasSize(1);
    return p.steps().get(0);
  }

  static Stream<Arguments> versionCases() {
    SchemaVersion a = avro(1, 10, RECORD_A);
    return Stream.of(
        Arguments.of("absent on target", a, null, false, REGISTER, null),
        Arguments.of(
            "same schema, reformatted",
            a,
            avro(1, 10, RECORD_A_REFORMATTED),
            false,
            EXISTS_SAME,
            null),
        Arguments.of(
            "another schema", a, avro(1, 10, STRING), false, CONFLICT, "differs: another schema"),
        Arguments.of("another id", a, avro(1, 11, RECORD_A), false, CONFLICT, "under id 11"),
        Arguments.of(
            "another id, allowed", a, avro(1, 11, RECORD_A), true, EXISTS_SAME, "under id 11"),
        Arguments.of("soft-deleted in source", deleted(a), a, false, SOFT_DELETE, null),
        Arguments.of(
            "soft-deleted on target", a, deleted(a), false, CONFLICT, "soft-deleted on the target"),
        Arguments.of(
            "other references",
            avro(1, 10, RECORD_A, ref("X", "x-value", 1)),
            avro(1, 10, RECORD_A),
            false,
            CONFLICT,
            "cannot be found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versionCases")
  void classifiesEachVersion(
      String name,
      SchemaVersion source,
      SchemaVersion target,
      boolean allow,
      ImportStep.Action expected,
      String reason) {
    RegistrySnapshot src = Fixtures.confluent(subject("a-value", source));
    RegistrySnapshot dst =
        target == null ? Fixtures.confluent() : Fixtures.confluent(subject("a-value", target));
    ImportStep step = onlyStep(src, dst, allow);
    assertThat(step.action()).isEqualTo(expected);
    if (reason != null) {
      assertThat(step.reason()).contains(reason);
    }
  }

  @Test
  void anIdTakenByAnotherSchemaIsAConflict() {
    ImportPlan p =
        plan(
            Fixtures.confluent(subject("a-value", avro(1, 7, RECORD_A))),
            Fixtures.confluent(subject("b-value", avro(1, 7, STRING))),
            RegistryFlavor.CONFLUENT,
            false);
    assertThat(p.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.action()).isEqualTo(CONFLICT);
              assertThat(s.reason()).contains("id 7 is taken on the target by b-value/1");
            });
    assertThat(p.hasConflicts()).isTrue();
  }

  @Test
  void aSharedIdWithTheSameSchemaIsFine() {
    ImportPlan p =
        plan(
            Fixtures.confluent(subject("a-value", avro(1, 7, RECORD_A))),
            Fixtures.confluent(subject("b-value", avro(1, 7, RECORD_A_REFORMATTED))),
            RegistryFlavor.CONFLUENT,
            false);
    assertThat(p.steps()).extracting(ImportStep::action).containsExactly(REGISTER);
    assertThat(p.strategy()).isEqualTo(ImportPlan.Strategy.IMPORT_MODE_SUBJECTS);
  }

  @Test
  void referencesComeBeforeTheirUsersAndVersionsAscend() {
    RegistrySnapshot src =
        Fixtures.confluent(
            subject(
                "a-value",
                avro(1, 3, RECORD_B, ref("A", "z-value", 2)),
                avro(2, 4, RECORD_B, ref("A", "z-value", 2))),
            subject("z-value", avro(1, 1, STRING), avro(2, 2, RECORD_A)));
    ImportPlan p = plan(src, Fixtures.confluent(), RegistryFlavor.CONFLUENT, false);
    assertThat(p.steps())
        .extracting(ImportStep::resource)
        .containsExactly("z-value/1", "z-value/2", "a-value/1", "a-value/2");
    assertThat(p.strategy()).isEqualTo(ImportPlan.Strategy.IMPORT_MODE_GLOBAL);
  }

  @Test
  void schemasThatDoNotParseFailThePlanNamingEachVersion() {
    RegistrySnapshot src =
        Fixtures.confluent(
            subject("a-value", avro(1, 1, "{not json")),
            subject("b-value", avro(1, 2, STRING), avro(2, 3, "[broken")));
    assertThatThrownBy(() -> plan(src, Fixtures.confluent(), RegistryFlavor.CONFLUENT, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 source schemas")
        .hasMessageContaining("a-value/1")
        .hasMessageContaining("b-value/2");
  }

  static Stream<Arguments> strategies() {
    RegistrySnapshot nonEmpty = Fixtures.confluent(subject("other-value", avro(1, 99, STRING)));
    RegistrySnapshot noModes = Fixtures.withGlobal(Fixtures.confluent(), "BACKWARD", null);
    return Stream.of(
        Arguments.of(
            RegistryFlavor.CONFLUENT, Fixtures.confluent(), false, "IMPORT_MODE_GLOBAL", false),
        Arguments.of(RegistryFlavor.CONFLUENT, nonEmpty, false, "IMPORT_MODE_SUBJECTS", false),
        Arguments.of(RegistryFlavor.OTHER, noModes, false, "REGISTER_WITH_NEW_IDS", true),
        Arguments.of(RegistryFlavor.OTHER, noModes, true, "REGISTER_WITH_NEW_IDS", false),
        Arguments.of(
            RegistryFlavor.APICURIO, Fixtures.apicurio(), false, "APICURIO_ADMIN_IMPORT", false),
        Arguments.of(
            RegistryFlavor.APICURIO,
            Fixtures.apicurio(subject("other-value", avro(1, 99, STRING))),
            false,
            "REGISTER_WITH_NEW_IDS",
            true),
        Arguments.of(
            RegistryFlavor.APICURIO,
            Fixtures.apicurio(subject("other-value", avro(1, 99, STRING))),
            true,
            "REGISTER_WITH_NEW_IDS",
            false));
  }

  @ParameterizedTest(name = "{0} target, allow id change {2}: {3}")
  @MethodSource("strategies")
  void picksHowIdsAreKept(
      RegistryFlavor flavor,
      RegistrySnapshot target,
      boolean allow,
      String strategy,
      boolean blocked) {
    ImportPlan p =
        plan(Fixtures.confluent(subject("a-value", avro(1, 1, RECORD_A))), target, flavor, allow);
    assertThat(p.strategy().name()).isEqualTo(strategy);
    assertThat(!p.blockers().isEmpty()).isEqualTo(blocked);
    if (blocked) {
      assertThat(p.blockers().get(0)).contains("ids cannot be kept");
    }
  }

  @Test
  void apicurioRefusesTwoIdsForOneContent() {
    RegistrySnapshot src =
        Fixtures.confluent(
            subject("a-value", avro(1, 1, RECORD_A)), subject("b-value", avro(1, 2, RECORD_A)));
    ImportPlan p = plan(src, Fixtures.apicurio(), RegistryFlavor.APICURIO, false);
    assertThat(p.blockers())
        .singleElement()
        .asString()
        .contains("ids 1 and 2 carry the same schema");
  }

  @Test
  void copiesOverridesAndGlobalCompatibility() {
    RegistrySnapshot src =
        Fixtures.confluent(
            Fixtures.withOverrides(subject("a-value", avro(1, 1, RECORD_A)), "FULL", "READONLY"),
            subject("b-value", avro(1, 2, STRING)));
    ImportPlan p = plan(src, Fixtures.apicurio(), RegistryFlavor.APICURIO, false);
    assertThat(p.settings())
        .containsExactly(
            new SettingChange(SettingChange.Setting.COMPATIBILITY, null, "NONE", "BACKWARD"),
            new SettingChange(SettingChange.Setting.COMPATIBILITY, "a-value", null, "FULL"),
            new SettingChange(SettingChange.Setting.MODE, "a-value", null, "READONLY"));
  }

  @Test
  void apicurioAnswersWithoutAnOverrideAreNoChange() {
    RegistrySnapshot src =
        Fixtures.withGlobal(
            Fixtures.confluent(subject("b-value", avro(1, 2, STRING))), "NONE", "READWRITE");
    RegistrySnapshot dst =
        Fixtures.apicurio(
            Fixtures.withOverrides(subject("b-value", avro(1, 2, STRING)), "NONE", "READWRITE"));
    ImportPlan p = plan(src, dst, RegistryFlavor.APICURIO, false);
    assertThat(p.settings()).isEmpty();
    assertThat(p.strategy()).isEqualTo(ImportPlan.Strategy.NONE);
    assertThat(p.writesAnything()).isFalse();
  }

  @Test
  void anExplicitNoneOnAnApicurioSourceIsCopiedAndOneOnTheTargetRemoved() {
    RegistrySnapshot src =
        Fixtures.apicurioWithRules(
            Fixtures.withOverrides(subject("a-value", avro(1, 1, RECORD_A)), "NONE", "READWRITE"),
            subject("b-value", avro(1, 2, STRING)));
    RegistrySnapshot dst =
        Fixtures.apicurioWithRules(
            subject("a-value", avro(1, 1, RECORD_A)),
            Fixtures.withOverrides(subject("b-value", avro(1, 2, STRING)), "NONE", "READWRITE"));
    ImportPlan p = plan(src, dst, RegistryFlavor.APICURIO, false);
    assertThat(p.settings())
        .containsExactly(
            new SettingChange(SettingChange.Setting.COMPATIBILITY, "a-value", null, "NONE"),
            new SettingChange(SettingChange.Setting.COMPATIBILITY, "b-value", "NONE", null));
  }
}

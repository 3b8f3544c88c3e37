package io.kraftport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The directions of dependency between kraftport's packages (see the README's layout section):
 * commands on top, I/O packages below them, pure logic and data at the bottom, renderers that know
 * only results. Each rule names what it keeps out and why, so a failure says which import to undo.
 */
@AnalyzeClasses(packages = "io.kraftport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String CLI = "io.kraftport.cli..";
  private static final String KAFKA = "io.kraftport.kafka..";
  private static final String REGISTRY = "io.kraftport.registry..";
  private static final String LOCAL = "io.kraftport.local..";
  private static final String REPORT = "io.kraftport.report..";
  private static final String GATE = "io.kraftport.gate..";
  private static final String ROUNDTRIP = "io.kraftport.roundtrip..";
  private static final String MIGRATE = "io.kraftport.migrate..";

  /** The network clients the I/O packages wrap: pure code reaches neither. */
  private static final String KAFKA_CLIENTS = "org.apache.kafka.clients..";

  private static final String OKHTTP = "okhttp3..";

  private static DescribedPredicate<JavaClass> record() {
    return DescribedPredicate.describe("records", JavaClass::isRecord);
  }

  private static DescribedPredicate<JavaClass> enumType() {
    return DescribedPredicate.describe("enums", JavaClass::isEnum);
  }

  @ArchTest
  static final ArchRule nothingOutsideCliDependsOnCli =
      noClasses()
          .that()
          .resideOutsideOfPackage(CLI)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(CLI)
          .because("the commands sit on top: the core is called by them and knows nothing of them");

  @ArchTest
  static final ArchRule reportRendersResultsOnly =
      noClasses()
          .that()
          .resideInAPackage(REPORT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(KAFKA, REGISTRY, LOCAL)
          .because(
              "report renders result types and knows nothing of the clusters or registries behind them");

  @ArchTest
  static final ArchRule servicesKnowNeitherCommandsNorRenderers =
      noClasses()
          .that()
          .resideInAPackage(MIGRATE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CLI, REPORT)
          .because("the services return results; the commands render them, through report");

  @ArchTest
  static final ArchRule reportRendersMigrateResultsButCallsNoService =
      noClasses()
          .that()
          .resideInAPackage(REPORT)
          .should()
          .dependOnClassesThat(
              resideInAPackage(MIGRATE).and(are(not(record())).and(are(not(enumType())))))
          .because(
              "report may render the services' result records and verdicts, never run a service or its I/O");

  @ArchTest
  static final ArchRule pureLogicDoesNoIo =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.kraftport.diff..",
              "io.kraftport.snapshot..",
              "io.kraftport.schema..",
              "io.kraftport.translate..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              KAFKA, REGISTRY, LOCAL, REPORT, GATE, ROUNDTRIP, CLI, MIGRATE, KAFKA_CLIENTS, OKHTTP)
          .because(
              "differs, the snapshot model, schema parsing and the config table are pure: data in, data out");

  @ArchTest
  static final ArchRule snapshotModelDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage("io.kraftport.snapshot..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.kraftport.config..", "io.kraftport.diff..")
          .because(
              "the snapshot model is the file format: everything may read it, it reads nothing of ours");

  @ArchTest
  static final ArchRule plansAreDataBetweenIoAndReport =
      noClasses()
          .that()
          .resideInAPackage("io.kraftport.plan..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              KAFKA, REGISTRY, LOCAL, REPORT, GATE, ROUNDTRIP, CLI, MIGRATE, KAFKA_CLIENTS, OKHTTP)
          .because(
              "plans and results are built by kafka and registry and rendered by report, so they need neither");

  @ArchTest
  static final ArchRule theCoreNeverPrints =
      noClasses()
          .that()
          .resideOutsideOfPackages(CLI, LOCAL)
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because(
              "only the commands write to the terminal (local runs servers for the demo and the tests)");

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles =
      slices().matching("io.kraftport.(*)..").should().beFreeOfCycles();
}

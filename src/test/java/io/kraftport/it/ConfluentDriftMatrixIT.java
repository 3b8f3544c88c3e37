package io.kraftport.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.local.LocalStack;
import io.kraftport.local.SharedStack;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.SubjectSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry half of the drift matrix against Confluent Schema Registry's semantics, which only
 * WireMock can play here: a Confluent source snapshot, and a target served by {@link
 * ConfluentStubs} from a model that starts as its faithful copy. The faithful copy must diff to
 * parity (round-trips, lookups and compatibility checks included); then each case changes one
 * subject of the model (or the registry's settings, or the source) and a diff restricted to that
 * subject must exit 1 naming it and the kind of drift; a last diff over everything must name every
 * case.
 */
@Tag("integration")
class ConfluentDriftMatrixIT {
  private static final String PREFIX = "/drift";
  private static final String NO_TOPICS = "no-topic-is-called-this";
  private static final String NO_SUBJECTS = "no-subject-is-called-this";

  static LocalStack stack;
  static WireMockServer server;
  @TempDir static Path dir;
  static RegistrySnapshot source;
  static RegistrySnapshot target;

  @BeforeAll
  static void start() throws Exception {
    stack = SharedStack.get();
    server = new WireMockServer(options().dynamicPort());
    server.start();
    source =
        new RegistrySnapshot(
            "http://source.invalid",
            "confluent",
            "BACKWARD",
            "READWRITE",
            true,
            List.of("."),
            List.of(
                subject(
                    "version-deleted-value",
                    null,
                    avro(1, 1, "A1", false),
                    avro(2, 2, "A2", false)),
                subject("subject-soft-deleted-value", null, avro(1, 3, "B1", false)),
                subject("version-added-value", null, avro(1, 4, "C1", false)),
                subject("subject-deleted-value", null, avro(1, 5, "D1", false)),
                subject("compatibility-changed-value", "FULL", avro(1, 6, "E1", false)),
                subject("compatibility-to-none-value", null, avro(1, 7, "F1", false)),
                subject("compatibility-from-none-value", "NONE", avro(1, 8, "G1", false)),
                subject("mode-changed-value", null, avro(1, 9, "H1", false)),
                subject("source-version-value", null, avro(1, 10, "I1", false)),
                // Soft-deleted on both sides, a version and a whole subject: parity all the same.
                subject("steady-value", null, avro(1, 11, "J1", true), avro(2, 12, "J2", false)),
                new SubjectSnapshot(
                    "gone-value", true, null, null, List.of(avro(1, 13, "K1", true)))),
            List.of());
    target = source;
    serve();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static SchemaVersion avro(int version, int id, String name, boolean deleted) {
    String schema =
        "{\"type\":\"record\",\"name\":\""
            + name
            + "\",\"namespace\":\"com.acme\",\"fields\":"
            + "[{\"name\":\"id\",\"type\":\"string\"}"
            + (version > 1 ? ",{\"name\":\"n\",\"type\":\"int\",\"default\":0}" : "")
            + "]}";
    return new SchemaVersion(version, id, "AVRO", deleted, List.of(), null, null, schema);
  }

  private static SubjectSnapshot subject(
      String name, String compatibility, SchemaVersion... versions) {
    return new SubjectSnapshot(name, false, compatibility, null, List.of(versions));
  }

  /** Stubs the target model and writes the source model to the snapshot file the diffs read. */
  private static void serve() {
    ConfluentStubs.serve(server, PREFIX, target);
    SnapshotCodec.write(
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            "test",
            "2026-01-01T00:00:00Z",
            new ClusterInfo("source", 1, "3.9.2", "zookeeper"),
            List.of(),
            source),
        dir.resolve("source.json"));
  }

  private static DiffRun diff(String subjects) {
    return DiffRun.run(
        dir,
        List.of(
            "--source-snapshot",
            dir.resolve("source.json").toString(),
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--target-registry-url",
            "http://127.0.0.1:" + server.port() + PREFIX,
            "--include",
            NO_TOPICS,
            "--subject-include",
            subjects));
  }

  private static RegistrySnapshot edit(
      RegistrySnapshot r, String subject, UnaryOperator<SubjectSnapshot> change) {
    List<SubjectSnapshot> subjects = new ArrayList<>();
    for (SubjectSnapshot s : r.subjects()) {
      if (!s.name().equals(subject)) {
        subjects.add(s);
      } else {
        SubjectSnapshot changed = change.apply(s);
        if (changed != null) {
          subjects.add(changed);
        }
      }
    }
    return new RegistrySnapshot(
        r.url(),
        r.flavor(),
        r.globalCompatibility(),
        r.globalMode(),
        r.subjectOverridesKnown(),
        r.contexts(),
        subjects,
        r.idChanges());
  }

  private static RegistrySnapshot add(RegistrySnapshot r, SubjectSnapshot subject) {
    List<SubjectSnapshot> subjects = new ArrayList<>(r.subjects());
    subjects.add(subject);
    return new RegistrySnapshot(
        r.url(),
        r.flavor(),
        r.globalCompatibility(),
        r.globalMode(),
        r.subjectOverridesKnown(),
        r.contexts(),
        subjects,
        r.idChanges());
  }

  private static SubjectSnapshot versions(SubjectSnapshot s, List<SchemaVersion> versions) {
    return new SubjectSnapshot(s.name(), s.deleted(), s.compatibility(), s.mode(), versions);
  }

  private static SchemaVersion deleted(SchemaVersion v) {
    return new SchemaVersion(
        v.version(),
        v.id(),
        v.schemaType(),
        true,
        v.references(),
        v.metadata(),
        v.ruleSet(),
        v.schema());
  }

  private static SubjectSnapshot compatibility(SubjectSnapshot s, String level) {
    return new SubjectSnapshot(s.name(), s.deleted(), level, s.mode(), s.versions());
  }

  private static List<DriftCase> cases() {
    return List.of(
        DriftCase.on(
                "version soft-deleted",
                "version-deleted-value",
                Kind.VERSION_DELETED,
                () ->
                    target =
                        edit(
                            target,
                            "version-deleted-value",
                            s ->
                                versions(
                                    s, List.of(deleted(s.versions().get(0)), s.versions().get(1)))))
            .at("version-deleted-value/1"),
        DriftCase.on(
            "whole subject soft-deleted",
            "subject-soft-deleted-value",
            Kind.SUBJECT_DELETED,
            () ->
                target =
                    edit(
                        target,
                        "subject-soft-deleted-value",
                        s ->
                            new SubjectSnapshot(
                                s.name(),
                                true,
                                s.compatibility(),
                                s.mode(),
                                s.versions().stream()
                                    .map(ConfluentDriftMatrixIT::deleted)
                                    .toList()))),
        DriftCase.on(
            "version added",
            "version-added-value",
            Kind.VERSIONS,
            () ->
                target =
                    edit(
                        target,
                        "version-added-value",
                        s -> versions(s, List.of(s.versions().get(0), avro(2, 100, "C1", false))))),
        DriftCase.on(
            "subject deleted",
            "subject-deleted-value",
            Kind.SUBJECT_MISSING,
            () -> target = edit(target, "subject-deleted-value", s -> null)),
        DriftCase.on(
            "subject compatibility changed",
            "compatibility-changed-value",
            Kind.COMPATIBILITY,
            () ->
                target =
                    edit(
                        target,
                        "compatibility-changed-value",
                        s -> compatibility(s, "FORWARD_TRANSITIVE"))),
        DriftCase.on(
            "subject compatibility set to an explicit NONE",
            "compatibility-to-none-value",
            Kind.COMPATIBILITY,
            () ->
                target =
                    edit(target, "compatibility-to-none-value", s -> compatibility(s, "NONE"))),
        DriftCase.on(
            "subject compatibility explicit NONE removed",
            "compatibility-from-none-value",
            Kind.COMPATIBILITY,
            () ->
                target =
                    edit(target, "compatibility-from-none-value", s -> compatibility(s, null))),
        DriftCase.on(
            "subject mode changed",
            "mode-changed-value",
            Kind.MODE,
            () ->
                target =
                    edit(
                        target,
                        "mode-changed-value",
                        s ->
                            new SubjectSnapshot(
                                s.name(),
                                s.deleted(),
                                s.compatibility(),
                                "READONLY",
                                s.versions()))),
        DriftCase.on(
            "extra subject",
            "extra-value",
            Kind.SUBJECT_EXTRA,
            () -> target = add(target, subject("extra-value", null, avro(1, 101, "X1", false)))),
        DriftCase.on(
            "new source version after import",
            "source-version-value",
            Kind.VERSIONS,
            () ->
                source =
                    edit(
                        source,
                        "source-version-value",
                        s -> versions(s, List.of(s.versions().get(0), avro(2, 102, "I1", false))))),
        // Registry-wide settings last: they drift in every diff after them.
        DriftCase.on(
            "global compatibility changed",
            RegistryDiffer.REGISTRY,
            Kind.COMPATIBILITY,
            () ->
                target =
                    new RegistrySnapshot(
                        target.url(),
                        target.flavor(),
                        "FULL",
                        target.globalMode(),
                        true,
                        target.contexts(),
                        target.subjects(),
                        target.idChanges())),
        DriftCase.on(
            "global mode changed",
            RegistryDiffer.REGISTRY,
            Kind.MODE,
            () ->
                target =
                    new RegistrySnapshot(
                        target.url(),
                        target.flavor(),
                        target.globalCompatibility(),
                        "READONLY",
                        true,
                        target.contexts(),
                        target.subjects(),
                        target.idChanges())));
  }

  @TestFactory
  Stream<DynamicTest> everyDriftIsCaughtAndTheFaithfulCopyHasNone() {
    List<DriftCase> cases = cases();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "faithful copy: parity",
            () -> {
              DiffRun run = diff(".*");
              assertThat(run.code()).as(run.describe()).isZero();
              assertThat(run.drifts()).as(run.describe()).isEmpty();
              assertThat(run.out())
                  .contains(
                      "Verdict: PARITY", "round-trips checked: 10", "producer lookups checked: 10");
            }));
    for (DriftCase c : cases) {
      tests.add(
          DynamicTest.dynamicTest(
              c.name(),
              () -> {
                c.mutation().apply();
                serve();
                String subjects =
                    c.scope().equals(RegistryDiffer.REGISTRY)
                        ? NO_SUBJECTS
                        : Pattern.quote(c.scope());
                c.assertFound(diff(subjects));
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "every case at once",
            () -> {
              DiffRun run = diff(".*");
              assertThat(run.code()).as(run.describe()).isEqualTo(1);
              assertThat(run.driftingResources())
                  .as(run.describe())
                  .allMatch(
                      r ->
                          cases.stream()
                              .anyMatch(c -> r.equals(c.scope()) || r.startsWith(c.scope() + "/")));
              for (DriftCase c : cases) {
                assertThat(run.drifts()).as(c.name() + ": " + run.describe()).anyMatch(c::matches);
              }
            }));
    return tests.stream();
  }
}

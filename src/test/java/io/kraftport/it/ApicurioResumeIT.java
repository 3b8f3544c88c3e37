package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kraftport.local.ApicurioNode;
import io.kraftport.local.LocalStack;
import io.kraftport.local.RegistrySeeder;
import io.kraftport.local.SharedStack;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.SubjectSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Apicurio import that stopped between admin-import archives, finished by running it again on
 * real registries: once after importing only the first archive's worth, once after killing the jar
 * (kill -9) while its second archive is held back. Ids, versions and global ids end as after an
 * uninterrupted import, a third run writes nothing, and a target holding an id the source needs
 * under other content gets a conflict and no write.
 */
@Tag("integration")
class ApicurioResumeIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Archives of at most 12 entries: the seven demo subjects go in several, as a large registry does
   * by default.
   */
  private static final Map<String, String> SMALL_ARCHIVES =
      Map.of("JAVA_TOOL_OPTIONS", "-Dkraftport.apicurio.import.maxEntries=12");

  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  @Test
  void anImportOfPartOfTheSubjectsIsFinishedByTheFullImportAndAThirdRunWritesNothing()
      throws Exception {
    String prefix = "ra" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    RegistrySnapshot source = SnapshotCodec.read(snapshot).registry();
    Path part = dir.resolve("part.json");
    SnapshotCodec.write(withSubjects(SnapshotCodec.read(snapshot), firstGroups(source)), part);

    Map<String, String> uninterrupted;
    try (ApicurioNode reference = stack.startRegistry()) {
      JarRunner.Run whole = JarRunner.run(SMALL_ARCHIVES, importArgs(reference, prefix, snapshot));
      assertThat(whole.code()).as(whole.all()).isZero();
      uninterrupted = adminVersions(reference);
    }

    try (ApicurioNode target = stack.startRegistry()) {
      JarRunner.Run first = JarRunner.run(SMALL_ARCHIVES, importArgs(target, prefix, part));
      assertThat(first.code()).as(first.all()).isZero();
      assertThat(first.out())
          .contains("strategy APICURIO_ADMIN_IMPORT\n", "Registry import: APPLIED");

      finishAndRunAgain(target, prefix, snapshot, source);
      assertThat(adminVersions(target)).isEqualTo(uninterrupted);
    }
  }

  @Test
  void anImportKilledAfterItsFirstArchiveIsFinishedByRunningItAgain() throws Exception {
    String prefix = "rk" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    RegistrySnapshot source = SnapshotCodec.read(snapshot).registry();
    try (ApicurioNode target = stack.startRegistry();
        GatedProxy proxy = GatedProxy.start(target.baseUrl(), 2);
        RegistryClient direct = RegistryClient.create(RegistrySettings.of(target.ccompatUrl()))) {
      Process run =
          JarRunner.start(
              SMALL_ARCHIVES,
              dir,
              sides(
                  "import",
                  proxy.url() + "/apis/ccompat/v7",
                  prefix,
                  "--snapshot",
                  snapshot.toString()));
      try {
        assertThat(proxy.awaitHeld(3, TimeUnit.MINUTES))
            .as("the second admin-import archive reached the proxy")
            .isTrue();
        int landed = direct.subjects(true).size();
        assertThat(landed)
            .as("subjects on the target after the first archive")
            .isPositive()
            .isLessThan(source.subjects().size());
      } finally {
        run.destroyForcibly(); // SIGKILL of the jar we started
        run.waitFor(1, TimeUnit.MINUTES);
      }
      assertThat(run.isAlive()).isFalse();
      assertThat(direct.subjects(true).size()).isLessThan(source.subjects().size());

      finishAndRunAgain(target, prefix, snapshot, source);
    }
  }

  @Test
  void anIdHeldByOtherContentOnTheTargetIsAConflictAndNothingIsWritten() throws Exception {
    String prefix = "rc" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path snapshot = seedAndExport(prefix);
    Snapshot full = SnapshotCodec.read(snapshot);
    RegistrySnapshot source = full.registry();
    SubjectSnapshot victim = source.findSubject(prefix + "customers-value").orElseThrow();
    int takenId = victim.versions().get(0).id();
    // A decoy subject that holds the id with other content, put there keeping ids by kraftport
    // itself.
    SubjectSnapshot decoy =
        new SubjectSnapshot(
            prefix + "decoy",
            false,
            null,
            null,
            List.of(
                new SchemaVersion(
                    1,
                    takenId,
                    "AVRO",
                    false,
                    List.of(),
                    null,
                    null,
                    "{\"type\":\"fixed\",\"name\":\"Decoy\",\"size\":3}")));
    Path decoySnapshot = dir.resolve("decoy.json");
    SnapshotCodec.write(withSubjects(full, List.of(decoy)), decoySnapshot);
    try (ApicurioNode target = stack.startRegistry()) {
      JarRunner.Run seeded = JarRunner.run(importArgs(target, prefix, decoySnapshot));
      assertThat(seeded.code()).as(seeded.all()).isZero();
      Map<String, String> before = adminVersions(target);

      JarRunner.Run imported = JarRunner.run(SMALL_ARCHIVES, importArgs(target, prefix, snapshot));
      assertThat(imported.code()).as(imported.all()).isEqualTo(1);
      assertThat(imported.out())
          .contains(
              "CONFLICT",
              victim.name(),
              "id " + takenId + " is taken on the target by " + decoy.name() + "/1",
              "nothing was written");
      assertThat(adminVersions(target)).isEqualTo(before);
    }
  }

  /**
   * The re-run of the whole import finishes it, keeps every id and version, and a third run writes
   * nothing.
   */
  private void finishAndRunAgain(
      ApicurioNode target, String prefix, Path snapshot, RegistrySnapshot source) throws Exception {
    JarRunner.Run again = JarRunner.run(SMALL_ARCHIVES, importArgs(target, prefix, snapshot));
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.out())
        .contains(
            "strategy APICURIO_ADMIN_IMPORT_MISSING",
            "already there",
            "0 in conflict",
            "Registry import: APPLIED")
        .doesNotContain("REGISTER  " + source.subjects().get(0).name() + " ");

    Path after = dir.resolve("after-" + UUID.randomUUID() + ".json");
    JarRunner.Run export =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.targetBootstrap(),
            "--source-registry-url",
            target.ccompatUrl(),
            "--include",
            "no-topics-here",
            "-o",
            after.toString());
    assertThat(export.code()).as(export.all()).isZero();
    RegistrySnapshot copied = SnapshotCodec.read(after).registry();
    assertThat(copied.subjects())
        .extracting(SubjectSnapshot::name)
        .containsExactlyElementsOf(source.subjects().stream().map(SubjectSnapshot::name).toList());
    for (SubjectSnapshot s : source.subjects()) {
      assertThat(copied.findSubject(s.name()).orElseThrow().versions())
          .extracting(v -> v.version() + "/" + v.id() + "/" + v.deleted())
          .as(s.name())
          .isEqualTo(
              s.versions().stream()
                  .map(v -> v.version() + "/" + v.id() + "/" + v.deleted())
                  .toList());
    }
    JarRunner.Run diff = JarRunner.run(sides("diff", target.ccompatUrl(), prefix));
    assertThat(diff.code()).as(diff.all()).isZero();
    assertThat(diff.out()).contains("Verdict: PARITY");

    Map<String, String> finished = adminVersions(target);
    JarRunner.Run third = JarRunner.run(SMALL_ARCHIVES, importArgs(target, prefix, snapshot));
    assertThat(third.code()).as(third.all()).isZero();
    assertThat(third.out()).contains("strategy NONE", "Registry import: NOTHING_TO_DO");
    assertThat(adminVersions(target)).isEqualTo(finished);
  }

  /**
   * Every version on the target as its admin export shows it: artifact/version -> global id,
   * content id, state.
   */
  private static Map<String, String> adminVersions(ApicurioNode registry) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (RegistryClient client = RegistryClient.create(RegistrySettings.of(registry.ccompatUrl()));
        ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(client.apicurioExport()))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().endsWith(".ArtifactVersion.json")) {
          JsonNode v = MAPPER.readTree(in.readAllBytes());
          out.put(
              v.path("artifactId").asText() + "/" + v.path("version").asText(),
              "global "
                  + v.path("globalId").asLong()
                  + " content "
                  + v.path("contentId").asLong()
                  + " "
                  + v.path("state").asText());
        }
      }
    }
    return out;
  }

  /**
   * The subjects of the source's first few groups of subjects that share ids (such a group always
   * goes into one archive): what the first archive of an import holds.
   */
  private static List<SubjectSnapshot> firstGroups(RegistrySnapshot source) {
    List<SubjectSnapshot> picked = new ArrayList<>(source.subjects().subList(0, 3));
    boolean grew = true;
    while (grew) {
      Set<Integer> ids = new HashSet<>();
      picked.forEach(s -> s.versions().forEach(v -> ids.add(v.id())));
      List<SubjectSnapshot> more =
          source.subjects().stream()
              .filter(s -> !picked.contains(s))
              .filter(s -> s.versions().stream().anyMatch(v -> ids.contains(v.id())))
              .toList();
      picked.addAll(more);
      grew = !more.isEmpty();
    }
    assertThat(picked.size()).isLessThan(source.subjects().size());
    return picked;
  }

  private static Snapshot withSubjects(Snapshot s, List<SubjectSnapshot> subjects) {
    RegistrySnapshot r = s.registry();
    return new Snapshot(
        s.formatVersion(),
        s.toolVersion(),
        s.exportedAt(),
        s.cluster(),
        s.topics(),
        new RegistrySnapshot(
            r.url(),
            r.flavor(),
            r.globalCompatibility(),
            r.globalMode(),
            r.subjectOverridesKnown(),
            r.contexts(),
            subjects,
            r.idChanges()));
  }

  private Path seedAndExport(String prefix) throws Exception {
    try (RegistryClient source =
        RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()))) {
      RegistrySeeder.seed(source, RegistrySeeder.load("demo-schemas.json"), prefix);
    }
    Path snapshot = dir.resolve("snapshot.json");
    JarRunner.Run export =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--source-registry-url",
            stack.sourceRegistryUrl(),
            "--include",
            "no-topics-here",
            "--subject-include",
            Pattern.quote(prefix) + ".*",
            "-o",
            snapshot.toString());
    assertThat(export.code()).as(export.all()).isZero();
    return snapshot;
  }

  private String[] importArgs(ApicurioNode target, String prefix, Path snapshot) {
    return sides("import", target.ccompatUrl(), prefix, "--snapshot", snapshot.toString());
  }

  private String[] sides(String command, String targetRegistry, String prefix, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--source-bootstrap-server",
                stack.sourceBootstrap(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--source-registry-url",
                stack.sourceRegistryUrl(),
                "--target-registry-url",
                targetRegistry,
                "--include",
                "no-topics-here",
                "--subject-include",
                Pattern.quote(prefix) + ".*"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}

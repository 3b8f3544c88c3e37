package io.kraftport.registry;

import static io.kraftport.plan.ImportStep.Action.CONFLICT;
import static io.kraftport.plan.ImportStep.Action.EXISTS_SAME;
import static io.kraftport.plan.ImportStep.Action.REGISTER;
import static io.kraftport.registry.Fixtures.RECORD_A;
import static io.kraftport.registry.Fixtures.RECORD_B;
import static io.kraftport.registry.Fixtures.STRING;
import static io.kraftport.registry.Fixtures.avro;
import static io.kraftport.registry.Fixtures.deleted;
import static io.kraftport.registry.Fixtures.ref;
import static io.kraftport.registry.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportStep;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SubjectSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Planning an import onto an Apicurio target that is not empty (a re-run, or the end of an
 * interrupted import): what is there is EXISTS_SAME, the missing subjects go through the admin
 * import when none of their ids is taken, and every clash the admin import would drop silently is a
 * CONFLICT before any write.
 */
class ApicurioResumePlanTest {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
  private final ImportPlanner planner = new ImportPlanner(new TestCanon());

  private final SubjectSnapshot a =
      subject("a-value", avro(1, 1, RECORD_A), deleted(avro(2, 2, STRING)));
  private final SubjectSnapshot b =
      subject("b-value", avro(1, 3, RECORD_B, ref("A", "a-value", 1)));
  private final SubjectSnapshot c =
      subject("c-value", avro(1, 4, "\"int\""), avro(2, 5, "\"long\""));
  private final RegistrySnapshot source =
      Fixtures.withGlobal(Fixtures.confluent(a, b, c), "NONE", "READWRITE");

  /**
   * The target as its Confluent API shows it, and as its admin export does, after importing {@code
   * subjects}.
   */
  private record Target(RegistrySnapshot ccompat, ApicurioTarget admin) {}

  private static Target importedOnly(SubjectSnapshot... subjects) {
    RegistrySnapshot part = Fixtures.apicurio(subjects);
    return new Target(part, ApicurioTarget.read(ApicurioArchive.build(part, "3.3.3", NOW)));
  }

  private ImportPlan plan(Target target, boolean allowIdChange) {
    return planner.plan(
        source,
        target.ccompat(),
        target.admin(),
        RegistryFlavor.APICURIO,
        ImportOptions.DEFAULT.withAllowIdChange(allowIdChange));
  }

  @Test
  void anInterruptedImportIsFinishedWithOnlyTheMissingSubjects() {
    ImportPlan p = plan(importedOnly(a), false);
    assertThat(p.strategy()).isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING);
    assertThat(p.hasConflicts()).isFalse();
    assertThat(p.steps())
        .extracting(s -> s.resource() + " " + s.action())
        .containsExactly(
            "a-value/1 EXISTS_SAME",
            "a-value/2 EXISTS_SAME",
            "b-value/1 REGISTER",
            "c-value/1 REGISTER",
            "c-value/2 REGISTER");
    assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("requireEmptyRegistry=false"));

    RegistrySnapshot missing = ImportApplier.registered(p, source);
    assertThat(missing.subjects())
        .extracting(SubjectSnapshot::name)
        .containsExactly("b-value", "c-value");
  }

  @Test
  void aCompletedImportPlansNothing() {
    ImportPlan p = plan(importedOnly(a, b, c), false);
    assertThat(p.steps()).extracting(ImportStep::action).containsOnly(EXISTS_SAME);
    assertThat(p.strategy()).isEqualTo(ImportPlan.Strategy.NONE);
    assertThat(p.writesAnything()).isFalse();
  }

  @Test
  void theMissingSubjectsGetTheGlobalIdsAnUninterruptedImportGives() throws Exception {
    Target target = importedOnly(a);
    ImportPlan p = plan(target, false);
    List<byte[]> rest =
        ApicurioArchive.build(
            ImportApplier.registered(p, source), "3.3.3", NOW, 9_000, target.admin().maxGlobalId());
    Map<String, Long> resumed = globalIds(rest);
    Map<String, Long> whole = globalIds(ApicurioArchive.build(source, "3.3.3", NOW, 9_000));
    assertThat(target.admin().maxGlobalId()).isEqualTo(2);
    assertThat(resumed).hasSize(3);
    resumed.forEach((version, id) -> assertThat(whole).containsEntry(version, id));
  }

  @Test
  void anIdHeldByOtherContentIsAConflict() {
    // Content 4 is on the target under no version, so the Confluent API does not show it; the admin
    // export does.
    Target base = importedOnly(a);
    Map<Long, String> contents = new HashMap<>(base.admin().contentHashes());
    contents.put(4L, "0".repeat(64));
    Target target =
        new Target(base.ccompat(), new ApicurioTarget(contents, base.admin().artifacts(), 2));
    ImportPlan p = plan(target, false);
    assertThat(p.hasConflicts()).isTrue();
    assertThat(p.steps(CONFLICT))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.resource()).isEqualTo("c-value/1");
              assertThat(s.reason()).contains("id 4 is held on the target by other content");
            });
  }

  @Test
  void anIdAlreadyThereWithTheSameSchemaCannotBeLinkedByTheAdminImport() {
    // c-value/1's content is on the target (under another subject), c-value itself is not.
    SubjectSnapshot other = subject("other-value", avro(1, 4, "\"int\""));
    RegistrySnapshot withOther = Fixtures.apicurio(a, other);
    Target target =
        new Target(withOther, ApicurioTarget.read(ApicurioArchive.build(withOther, "3.3.3", NOW)));
    ImportPlan p = plan(target, false);
    assertThat(p.steps(CONFLICT))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.resource()).isEqualTo("c-value/1");
              assertThat(s.reason())
                  .contains(
                      "id 4 is on the target already with this schema",
                      "links a version only to content it imports in the same call");
            });
  }

  @Test
  void aVersionMissingFromASubjectThatIsThereIsAConflict() {
    Target target = importedOnly(a, b, subject("c-value", avro(1, 4, "\"int\"")));
    ImportPlan p = plan(target, false);
    assertThat(p.steps())
        .filteredOn(s -> s.action() != EXISTS_SAME)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.resource()).isEqualTo("c-value/2");
              assertThat(s.action()).isEqualTo(CONFLICT);
              assertThat(s.reason()).contains("adds no version to an existing artifact");
            });
  }

  @Test
  void aVersionNumberTakenByAnotherSchemaIsAConflict() {
    Target target = importedOnly(a, subject("b-value", avro(1, 9, "\"bytes\"")));
    ImportPlan p = plan(target, false);
    assertThat(p.steps(CONFLICT)).extracting(ImportStep::resource).contains("b-value/1");
    assertThat(p.steps(REGISTER))
        .extracting(ImportStep::resource)
        .containsExactly("c-value/1", "c-value/2");
  }

  @Test
  void aSubjectOnlyTheAdminExportShowsBlocksAddingToIt() {
    // All of c-value soft-deleted: a Confluent listing may leave it out, the admin export does not.
    Target base = importedOnly(a, b);
    Set<String> artifacts = new HashSet<>(base.admin().artifacts());
    artifacts.add("c-value");
    ImportPlan p =
        plan(
            new Target(
                base.ccompat(), new ApicurioTarget(base.admin().contentHashes(), artifacts, 9)),
            false);
    assertThat(p.steps(CONFLICT))
        .extracting(ImportStep::resource)
        .containsExactly("c-value/1", "c-value/2");
  }

  @Test
  void withIdChangesAllowedAClashFallsBackToNewIdsAndNoClashKeepsThem() {
    assertThat(plan(importedOnly(a), true).strategy())
        .isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING);
    Target clash = importedOnly(a, b, subject("c-value", avro(1, 4, "\"int\"")));
    ImportPlan p = plan(clash, true);
    assertThat(p.strategy()).isEqualTo(ImportPlan.Strategy.REGISTER_WITH_NEW_IDS);
    assertThat(p.hasConflicts()).isFalse();
  }

  @Test
  void anEmptyRegistryKeepsTheFastPathAndContentWithoutSubjectsDoesNot() {
    assertThat(plan(new Target(Fixtures.apicurio(), ApicurioTarget.EMPTY), false).strategy())
        .isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT);
    ApicurioTarget orphan = new ApicurioTarget(Map.of(99L, "f".repeat(64)), Set.of(), 0);
    assertThat(plan(new Target(Fixtures.apicurio(), orphan), false).strategy())
        .isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING);
  }

  @Test
  void withoutTheAdminExportANonEmptyTargetCannotKeepIds() {
    ImportPlan p = plan(new Target(importedOnly(a).ccompat(), null), false);
    assertThat(p.blockers())
        .singleElement()
        .asString()
        .contains("ids cannot be kept", "admin export");
  }

  @Test
  void readsContentIdsDefaultGroupArtifactsAndTheHighestGlobalId() throws Exception {
    Map<String, String> entries = new java.util.LinkedHashMap<>();
    entries.put("content/h1.Content.json", "{\"contentId\":7,\"contentHash\":\"h1\"}");
    entries.put(
        "groups/default/artifacts/x/MetaData.Artifact.json",
        "{\"groupId\":null,\"artifactId\":\"x\"}");
    entries.put(
        "groups/g/artifacts/y/MetaData.Artifact.json", "{\"groupId\":\"g\",\"artifactId\":\"y\"}");
    entries.put(
        "groups/g/artifacts/y/versions/1.ArtifactVersion.json",
        "{\"globalId\":41,\"groupId\":\"g\",\"artifactId\":\"y\"}");
    entries.put(
        "groups/default/artifacts/x/versions/1.ArtifactVersion.json",
        "{\"globalId\":3,\"groupId\":null,\"artifactId\":\"x\",\"contentId\":7}");
    ApicurioTarget t = ApicurioTarget.read(zip(entries));
    assertThat(t.contentHashes()).containsExactly(Map.entry(7L, "h1"));
    assertThat(t.artifacts()).containsExactly("x");
    assertThat(t.maxGlobalId()).isEqualTo(41);
    assertThat(t.isEmpty()).isFalse();
  }

  /** A ZIP of the given entries (name -> JSON text), as an admin export. */
  static byte[] zip(Map<String, String> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** subject/version -> global id over archives. */
  private static Map<String, Long> globalIds(List<byte[]> archives) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Long> out = new HashMap<>();
    for (byte[] archive : archives) {
      for (Map.Entry<String, byte[]> e : ApicurioArchiveTest.entries(archive).entrySet()) {
        if (e.getKey().endsWith(".ArtifactVersion.json")) {
          var v = mapper.readTree(e.getValue());
          out.put(
              v.path("artifactId").asText() + "/" + v.path("version").asText(),
              v.path("globalId").asLong());
        }
      }
    }
    return out;
  }
}

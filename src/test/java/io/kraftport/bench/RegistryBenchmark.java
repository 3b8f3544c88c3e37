package io.kraftport.bench;

import static io.kraftport.bench.Stopwatch.time;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kraftport.diff.Difference;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.local.ApicurioNode;
import io.kraftport.local.LocalStack;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.ImportStep;
import io.kraftport.registry.ExportOptions;
import io.kraftport.registry.ImportOptions;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistryExporter;
import io.kraftport.registry.RegistryImporter;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Schema Registry benchmark (run with {@code mvn verify -Pbenchmark -Dit.test=RegistryBenchmark
 * [-Dbenchmark.subjects=2000]}): seeds N subjects of 3 compatible Avro versions on a real Apicurio
 * source, then times kraftport's export, import (Apicurio admin-import path) and diff, and in the
 * same run the raw ways to do the same with a plain HTTP client: per-version GETs and the admin
 * export for reading; the admin import of the same registry's ZIP, parallel POSTs and a
 * one-at-a-time POST loop (the peer scripts) for writing, each into a fresh registry. Prints
 * figures and ratios; asserts only that the work was done, never a time.
 *
 * <p>Two Apicurio defaults stop the work above about 1,000 subjects and are raised for the run: the
 * Confluent API's {@code apicurio.ccompat.max-subjects} (1000: {@code GET /subjects} lists no more;
 * raised here through Apicurio's dynamic configuration) and the admin import's {@code
 * apicurio.import.zip.max-entry-count} (10,000 ZIP entries; raised by the {@code benchmark}
 * profile's environment, which the local registries inherit).
 */
@Tag("benchmark")
class RegistryBenchmark {
  private static final int SUBJECTS = Integer.getInteger("benchmark.subjects", 2000);
  private static final int VERSIONS = 3;

  /**
   * How many subjects the sequential peer loop registers; fewer than all are extrapolated, and said
   * so.
   */
  private static final int PEER_SUBJECTS =
      Math.min(SUBJECTS, Integer.getInteger("benchmark.peer.subjects", SUBJECTS));

  /**
   * Timed rounds of the read comparison, after one untimed warm-up round; the median is reported.
   */
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

  private static final int CONCURRENCY = RegistrySettings.DEFAULT_CONCURRENCY;
  private static final int MAX_SUBJECTS = 1_000_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void registry() throws Exception {
    List<RawRegistry.Subject> subjects = subjects();
    Figures f = new Figures();
    try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults());
        RawRegistry raw = new RawRegistry(CONCURRENCY)) {
      String source = stack.sourceRegistryUrl();
      String sourceBase = stack.sourceRegistry().baseUrl();
      f.apicurio = stack.options().apicurioVersion();
      f.seed = time(() -> seed(source, subjects));
      // Apicurio lists at most apicurio.ccompat.max-subjects (default 1000) subjects for GET
      // /subjects without a
      // limit, and kraftport asks without one: raised on every registry here, so that the work can
      // be done at all.
      f.listedBeforeRaise = raw.subjectCountWithDeleted(source);
      raw.raiseSubjectLimit(sourceBase, MAX_SUBJECTS);
      raw.raiseSubjectLimit(stack.targetRegistry().baseUrl(), MAX_SUBJECTS);
      assertThat(raw.subjectCount(source)).isEqualTo(SUBJECTS);

      // Reading: kraftport's export against per-version GETs, and against the same requests
      // kraftport sends,
      // interleaved round by round so that all meet the same server state; round 0 warms up and is
      // not counted.
      RegistrySnapshot[] exported = new RegistrySnapshot[1];
      for (int round = 0; round <= ROUNDS; round++) {
        long logged = accessLogLines(stack.sourceRegistry());
        long e = time(() -> exported[0] = export(source));
        f.exportRequests = accessLogLines(stack.sourceRegistry()) - logged;
        int[] read = new int[2];
        long p = time(() -> read[0] = raw.readEveryVersion(source));
        long s = time(() -> read[1] = raw.readLikeKraftport(source));
        assertThat(read).containsOnly(SUBJECTS * VERSIONS);
        if (round > 0) {
          f.export[round - 1] = e;
          f.perVersion[round - 1] = p;
          f.sameRequests[round - 1] = s;
        }
      }
      RegistrySnapshot sourceSnapshot = exported[0];
      assertThat(sourceSnapshot.subjects())
          .hasSize(SUBJECTS)
          .allSatisfy(s -> assertThat(s.versions()).hasSize(VERSIONS));
      int[] listed = new int[1];
      f.listingPage = time(() -> listed[0] = raw.schemasPage(source, ExportOptions.ALL.pageSize()));
      f.listingEntries = listed[0];
      byte[][] zip = new byte[1][];
      f.adminExport = time(() -> zip[0] = raw.adminExport(sourceBase));
      f.adminZipBytes = zip[0].length;
      f.adminZipEntries = zipEntries(zip[0]);
      byte[][] ours = new byte[1][];
      f.archiveBuild = time(() -> ours[0] = kraftportArchive(sourceSnapshot, f.apicurio));
      f.archiveBytes = ours[0].length;
      f.archiveEntries = zipEntries(ours[0]);

      // Writing: kraftport's import into the stack's empty target (admin-import path), after a
      // dry-run plan.
      String target = stack.targetRegistryUrl();
      try (RegistryClient client = RegistryClient.create(RegistrySettings.of(target))) {
        RegistryImporter importer = new RegistryImporter(client, new DefaultSchemaCanon());
        ImportPlan[] plan = new ImportPlan[1];
        f.plan = time(() -> plan[0] = importer.plan(sourceSnapshot, ImportOptions.DEFAULT));
        assertThat(plan[0].strategy()).isEqualTo(ImportPlan.Strategy.APICURIO_ADMIN_IMPORT);
        ImportResult[] result = new ImportResult[1];
        f.importRun = time(() -> result[0] = importer.run(sourceSnapshot, ImportOptions.DEFAULT));
        assertThat(result[0].status())
            .as(result[0].problems().toString())
            .isEqualTo(ImportResult.Status.APPLIED);
        assertThat(result[0].plan().steps(ImportStep.Action.REGISTER)).hasSize(SUBJECTS * VERSIONS);
      }

      // The limits, each into a fresh empty registry: Apicurio's own ZIP of the source, and
      // parallel POSTs.
      try (ApicurioNode fresh = fresh(stack, raw)) {
        f.rawImport = time(() -> raw.adminImport(fresh.baseUrl(), zip[0]));
        assertThat(raw.subjectCount(fresh.ccompatUrl())).isEqualTo(SUBJECTS);
      }
      try (ApicurioNode fresh = fresh(stack, raw)) {
        int[] n = new int[1];
        f.rawPosts = time(() -> n[0] = raw.registerInParallel(fresh.ccompatUrl(), subjects));
        assertThat(n[0]).isEqualTo(SUBJECTS * VERSIONS);
        assertThat(raw.subjectCount(fresh.ccompatUrl())).isEqualTo(SUBJECTS);
      }
      try (ApicurioNode fresh = fresh(stack, raw)) {
        int[] n = new int[1];
        f.peer =
            time(
                () ->
                    n[0] =
                        raw.registerSequentially(
                            fresh.ccompatUrl(), subjects.subList(0, PEER_SUBJECTS)));
        assertThat(n[0]).isEqualTo(PEER_SUBJECTS * VERSIONS);
        assertThat(raw.subjectCount(fresh.ccompatUrl())).isEqualTo(PEER_SUBJECTS);
      }

      // Diff: a fresh export of the target, then the pure differ over the two snapshots.
      RegistrySnapshot[] targetSnapshot = new RegistrySnapshot[1];
      f.exportTarget = time(() -> targetSnapshot[0] = export(target));
      List<Difference> diffs = new ArrayList<>();
      f.diff =
          time(
              () ->
                  diffs.addAll(
                      RegistryDiffer.diff(
                          sourceSnapshot, targetSnapshot[0], new DefaultSchemaCanon())));
      assertThat(diffs).noneMatch(Difference::isDrift);
      f.differences = diffs.size();
    }
    f.print();
  }

  /**
   * How many requests the registry has logged so far (Apicurio writes an access log line per
   * request).
   */
  private static long accessLogLines(ApicurioNode node) throws IOException {
    try (Stream<Path> files = Files.list(node.dataDir())) {
      long n = 0;
      for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        try (Stream<String> lines = Files.lines(log)) {
          n += lines.filter(l -> l.contains("apicurio-registry.access")).count();
        }
      }
      return n;
    }
  }

  private static int zipEntries(byte[] zip) throws IOException {
    int n = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      while (in.getNextEntry() != null) {
        n++;
      }
    }
    return n;
  }

  /** A fresh empty registry of the stack's kind, with the subject listing limit raised. */
  private static ApicurioNode fresh(LocalStack stack, RawRegistry raw) throws Exception {
    ApicurioNode node = stack.startRegistry();
    raw.raiseSubjectLimit(node.baseUrl(), MAX_SUBJECTS);
    return node;
  }

  /**
   * The ZIP kraftport's importer uploads, built the same way ({@code ApicurioArchive} is
   * package-private, hence the reflection): only to show its size and build time apart from the
   * import.
   */
  private static byte[] kraftportArchive(RegistrySnapshot snapshot, String version)
      throws Exception {
    Method build =
        Class.forName("io.kraftport.registry.ApicurioArchive")
            .getDeclaredMethod("build", RegistrySnapshot.class, String.class, Instant.class);
    build.setAccessible(true);
    return (byte[]) build.invoke(null, snapshot, version, Instant.now());
  }

  /** Every figure of one run, printed as one table at the end. */
  private static final class Figures {
    String apicurio;
    long seed;
    int listedBeforeRaise;
    long exportRequests;
    final long[] export = new long[ROUNDS];
    final long[] perVersion = new long[ROUNDS];
    final long[] sameRequests = new long[ROUNDS];
    long listingPage;
    int listingEntries;
    long adminExport;
    int adminZipBytes;
    int adminZipEntries;
    long archiveBuild;
    int archiveBytes;
    int archiveEntries;
    long plan;
    long importRun;
    long rawImport;
    long rawPosts;
    long peer;
    long exportTarget;
    long diff;
    int differences;

    void print() {
      int n = SUBJECTS;
      long e = median(export);
      long p = median(perVersion);
      long s = median(sameRequests);
      long limit = Math.min(rawImport, rawPosts);
      double peerFull = (double) peer * SUBJECTS / PEER_SUBJECTS;
      String row = "%-66s %9d ms%s%n";
      String ratio = "%-66s %9.2f%s";
      System.out.printf(
          "%n=== kraftport registry benchmark: %d subjects x %d Avro versions (%d schemas), Apicurio %s,"
              + " %d requests in flight ===%n",
          n, VERSIONS, n * VERSIONS, apicurio, CONCURRENCY);
      System.out.printf(
          "%-66s %12s%n",
          "APICURIO_IMPORT_ZIP_MAX_ENTRY_COUNT (Apicurio's default: 10000)",
          System.getenv().getOrDefault("APICURIO_IMPORT_ZIP_MAX_ENTRY_COUNT", "not set"));
      System.out.printf(row, "seed source (parallel POSTs through RegistryClient)", seed, "");
      System.out.printf(
          "%-66s %9d of %d%n",
          "GET /subjects?deleted=true lists, before max-subjects is raised", listedBeforeRaise, n);
      System.out.printf(
          "-- export: median of %d rounds after a warm-up round (the rounds in brackets) --%n",
          ROUNDS);
      System.out.printf(
          row,
          "kraftport RegistryExporter, in process (" + exportRequests + " requests)",
          e,
          "  " + Arrays.toString(export));
      System.out.printf(
          row,
          "raw per-version GETs, OkHttp (" + (4 * n + 1) + " requests)",
          p,
          "  " + Arrays.toString(perVersion));
      System.out.printf(
          ratio + "%n",
          "ratio export / raw per-version GETs  (goal <= 1.3)",
          (double) e / p,
          "  per round " + ratios(export, perVersion));
      System.out.printf(
          row,
          "raw GETs of kraftport's request set, OkHttp (" + (7 * n + 2) + " requests)",
          s,
          "  " + Arrays.toString(sameRequests));
      System.out.printf(
          ratio + "%n",
          "ratio export / raw same requests (cost of kraftport's own code)",
          (double) e / s,
          "  per round " + ratios(export, sameRequests));
      System.out.printf(
          row,
          "the export's one /schemas page, alone ("
              + listingEntries
              + " entries, none with subject/version/id)",
          listingPage,
          "");
      System.out.printf(
          row,
          "raw Apicurio admin export, 1 GET (ZIP "
              + adminZipBytes / 1024
              + " KiB, "
              + adminZipEntries
              + " entries)",
          adminExport,
          "");
      System.out.printf("-- import into a fresh empty registry --%n");
      System.out.printf(
          row, "kraftport plan only (dry run: export of the empty target + plan)", plan, "");
      System.out.printf(
          row,
          "kraftport ZIP build, in process ("
              + archiveBytes / 1024
              + " KiB, "
              + archiveEntries
              + " entries)",
          archiveBuild,
          "");
      System.out.printf(
          row, "kraftport RegistryImporter.run (plan, ZIP, admin import, verify)", importRun, "");
      System.out.printf(row, "raw admin import of the source's own export ZIP", rawImport, "");
      System.out.printf(
          row, "raw parallel POSTs, " + CONCURRENCY + " in flight (ids not kept)", rawPosts, "");
      System.out.printf(
          ratio + "%n",
          "ratio import / fastest raw limit  (goal <= 1.3)",
          (double) importRun / limit,
          "");
      if (PEER_SUBJECTS == SUBJECTS) {
        System.out.printf(
            row, "peer sequential POST loop, 1 in flight (" + n * VERSIONS + " POSTs)", peer, "");
      } else {
        System.out.printf(
            row,
            "peer sequential POST loop, MEASURED on "
                + PEER_SUBJECTS
                + " subjects ("
                + PEER_SUBJECTS * VERSIONS
                + " POSTs)",
            peer,
            "");
        System.out.printf(
            row,
            "peer sequential POST loop, EXTRAPOLATED linearly to " + n + " subjects",
            Math.round(peerFull),
            "");
      }
      System.out.printf(ratio + "%n", "ratio peer / import  (goal >= 5)", peerFull / importRun, "");
      System.out.printf("-- diff --%n");
      System.out.printf(row, "kraftport export of the target, in process", exportTarget, "");
      System.out.printf(
          row,
          "RegistryDiffer.diff of the two snapshots (" + differences + " differences, 0 drift)",
          diff,
          "");
      System.out.printf(row, "diff total (export of the target + diff)", exportTarget + diff, "");
    }
  }

  private static RegistrySnapshot export(String url) {
    try (RegistryClient client = RegistryClient.create(RegistrySettings.of(url))) {
      return new RegistryExporter(client).export(ExportOptions.ALL);
    }
  }

  /**
   * Registers every subject's versions in order through kraftport's client, {@link #CONCURRENCY}
   * subjects at once.
   */
  private static void seed(String url, List<RawRegistry.Subject> subjects) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try (RegistryClient client = RegistryClient.create(RegistrySettings.of(url))) {
      List<Future<?>> futures = new ArrayList<>();
      for (RawRegistry.Subject s : subjects) {
        futures.add(
            pool.submit(
                () ->
                    s.schemas()
                        .forEach(
                            schema ->
                                client.register(
                                    s.name(),
                                    new RegisterRequest(
                                        schema, "AVRO", List.of(), null, null, null, null)))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * N subjects, each with 3 versions of one Avro record; every version adds an optional field
   * (compatible).
   */
  static List<RawRegistry.Subject> subjects() {
    List<RawRegistry.Subject> out = new ArrayList<>();
    for (int i = 0; i < SUBJECTS; i++) {
      List<String> versions = new ArrayList<>();
      for (int v = 1; v <= VERSIONS; v++) {
        versions.add(schema(i, v));
      }
      out.add(new RawRegistry.Subject(String.format("bench.s%05d-value", i), versions));
    }
    return out;
  }

  static String schema(int subject, int version) {
    ObjectNode record =
        MAPPER
            .createObjectNode()
            .put("type", "record")
            .put("name", "Event" + subject)
            .put("namespace", "io.kraftport.bench.s" + subject);
    ArrayNode fields = record.putArray("fields");
    fields.addObject().put("name", "id").put("type", "long");
    fields.addObject().put("name", "name").put("type", "string");
    fields
        .addObject()
        .put("name", "createdAt")
        .putObject("type")
        .put("type", "long")
        .put("logicalType", "timestamp-millis");
    fields.addObject().put("name", "amount").put("type", "double");
    fields
        .addObject()
        .put("name", "tags")
        .putObject("type")
        .put("type", "array")
        .put("items", "string");
    for (int v = 2; v <= version; v++) {
      ObjectNode optional = fields.addObject().put("name", "added" + v);
      optional.putArray("type").add("null").add(v % 2 == 0 ? "string" : "int");
      optional.putNull("default");
    }
    return record.toString();
  }

  private static String ratios(long[] a, long[] b) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      out.add(String.format("%.2f", (double) a[i] / b[i]));
    }
    return out.toString();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

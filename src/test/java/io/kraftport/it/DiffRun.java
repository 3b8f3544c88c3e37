package io.kraftport.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code kraftport diff} run in this JVM, with its JSON report read back: the exit code, what
 * it printed and the differences it reported. In process rather than through {@link JarRunner}
 * because the drift matrix runs dozens of diffs and a JVM start each would cost more than the diffs
 * themselves ({@link InProcess}).
 */
record DiffRun(int code, String out, String err, List<Difference> differences) {
  DiffRun {
    differences = List.copyOf(differences);
  }

  /** Runs {@code diff} with {@code args} and {@code --report-json} into {@code dir}. */
  static DiffRun run(Path dir, List<String> args) {
    Path json;
    try {
      json = Files.createTempFile(dir, "diff", ".json");
      Files.delete(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> all = new ArrayList<>();
    all.add("diff");
    all.addAll(args);
    all.addAll(List.of("--report-json", json.toString()));
    JarRunner.Run run = InProcess.run(all.toArray(String[]::new));
    List<Difference> differences = new ArrayList<>();
    if (Files.exists(json)) {
      try {
        JsonNode report = SnapshotCodec.mapper().readTree(json.toFile());
        for (JsonNode d : report.path("differences")) {
          differences.add(SnapshotCodec.mapper().treeToValue(d, Difference.class));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new DiffRun(run.code(), run.out(), run.err(), differences);
  }

  List<Difference> drifts() {
    return differences.stream().filter(Difference::isDrift).toList();
  }

  /** The resources that drift, counts left out (they name no resource of their own). */
  Set<String> driftingResources() {
    Set<String> out = new TreeSet<>();
    drifts().stream().filter(d -> !isCount(d)).forEach(d -> out.add(d.resource()));
    return out;
  }

  static boolean isCount(Difference d) {
    return d.kind() == Kind.TOPIC_COUNT || d.kind() == Kind.SUBJECT_COUNT;
  }

  /** Everything a failed assertion should show. */
  String describe() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}

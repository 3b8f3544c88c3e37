package io.kraftport.cli;

import io.kraftport.migrate.ParityRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of commands that judge parity ({@code diff}, {@code gate}). */
public final class ParityOptions {
  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description =
          "The cap the import was run with: a target RF equal to min(source RF, N) is accepted.")
  Integer replicationFactor;

  @Option(
      names = "--allow-differences",
      paramLabel = "FILE",
      description =
          "Known, accepted differences, one 'KIND RESOURCE-REGEX [FIELD-REGEX]' per line; shown as"
              + " ACCEPTED.")
  Path allowDifferences;

  @Option(
      names = "--no-round-trip",
      description =
          "Skip the serialization round-trip checks (on by default when both registries are given).")
  boolean noRoundTrip;

  @Option(
      names = "--all-versions",
      description = "Round-trip every schema version, not only each subject's latest.")
  boolean allVersions;

  @Option(
      names = "--sample-records",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also read the last N records of every partition of the selected source topics and require"
              + " every schema id they carry to resolve on the target and every record to read back (default: off).")
  int sampleRecords;

  /** These options as the parity service takes them. */
  ParityRequest.Checks checks() {
    return new ParityRequest.Checks(
        replicationFactor, allowDifferences, !noRoundTrip, allVersions, sampleRecords);
  }
}

package io.kraftport.registry;

/**
 * How an import runs: {@code dryRun} plans and writes nothing; {@code allowIdChange} lets the
 * import register schemas under new ids where the target cannot keep the source's (the old-to-new
 * map is then in the result).
 */
public record ImportOptions(boolean dryRun, boolean allowIdChange) {
  public static final ImportOptions DEFAULT = new ImportOptions(false, false);
  public static final ImportOptions DRY_RUN = new ImportOptions(true, false);

  public ImportOptions withAllowIdChange(boolean allow) {
    return new ImportOptions(dryRun, allow);
  }
}

package io.kraftport.migrate;

/**
 * The tool's version as the jar manifest states it ({@code dev} when run from classes); snapshots
 * record it.
 */
public final class ToolVersion {
  private ToolVersion() {}

  public static String version() {
    String v = ToolVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

package io.kraftport.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's version as the jar manifest states it ({@code dev} when run from classes). */
public final class VersionProvider implements IVersionProvider {
  public static String version() {
    return io.kraftport.migrate.ToolVersion.version();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"kraftport " + version(), "Java " + System.getProperty("java.version")};
  }
}

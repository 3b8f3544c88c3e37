package io.kraftport.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to launch one JVM: the Java home, JVM options, what to run ({@code -cp <classpath> <main
 * class>} or {@code -jar <jar>}) and the program's arguments.
 */
public record JvmCommand(
    Path javaHome, List<String> jvmOptions, List<String> launch, List<String> arguments) {
  public JvmCommand {
    Objects.requireNonNull(javaHome, "javaHome");
    jvmOptions = List.copyOf(jvmOptions);
    launch = List.copyOf(launch);
    arguments = List.copyOf(arguments);
    if (launch.isEmpty()) {
      throw new IllegalArgumentException("nothing to launch");
    }
  }

  /** Runs {@code mainClass} from {@code classpath}. */
  public static JvmCommand mainClass(Path javaHome, String classpath, String mainClass) {
    return new JvmCommand(javaHome, List.of(), List.of("-cp", classpath, mainClass), List.of());
  }

  /**
   * Runs an executable jar (whose manifest may add {@code Add-Opens} that only {@code -jar}
   * honours).
   */
  public static JvmCommand jar(Path javaHome, Path jar) {
    return new JvmCommand(javaHome, List.of(), List.of("-jar", jar.toString()), List.of());
  }

  /** This command with more JVM options. */
  public JvmCommand withOptions(String... options) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.addAll(Arrays.asList(options));
    return new JvmCommand(javaHome, all, launch, arguments);
  }

  /** This command with more program arguments. */
  public JvmCommand withArguments(String... args) {
    List<String> all = new ArrayList<>(arguments);
    all.addAll(Arrays.asList(args));
    return new JvmCommand(javaHome, jvmOptions, launch, all);
  }

  /** The full command line. */
  public List<String> commandLine() {
    List<String> cmd = new ArrayList<>();
    cmd.add(JavaRuntimes.javaExecutable(javaHome).toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(launch);
    cmd.addAll(arguments);
    return cmd;
  }
}

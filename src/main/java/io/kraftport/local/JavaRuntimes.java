package io.kraftport.local;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java runtimes local servers run on: the brokers on this JVM's own {@code java.home}, Apicurio
 * Registry on a Java 21 or newer one, which kraftport (built for 17) may not be running on.
 */
public final class JavaRuntimes {
  /** Environment variable naming the Java home for the registry. */
  public static final String REGISTRY_JAVA_HOME_ENV = "KRAFTPORT_REGISTRY_JAVA_HOME";

  /** System property naming the Java home for the registry; the environment variable wins. */
  public static final String REGISTRY_JAVA_HOME_PROPERTY = "kraftport.registry.java.home";

  /** Apicurio Registry 3.x is built for Java 21. */
  public static final int REGISTRY_MIN_FEATURE = 21;

  private static final Pattern JAVA_VERSION =
      Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9]+)(?:\\.([0-9]+))?");

  private JavaRuntimes() {}

  /** The Java home of this JVM. */
  public static Path current() {
    return Path.of(System.getProperty("java.home"));
  }

  /** The {@code java} executable of a Java home. */
  public static Path javaExecutable(Path javaHome) {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    return javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  /**
   * A Java home for the registry: {@value #REGISTRY_JAVA_HOME_ENV} or {@value
   * #REGISTRY_JAVA_HOME_PROPERTY} when set (and then it must be Java 21+), else the newest Java 21+
   * among this JVM and the usual install locations.
   */
  public static Path registryJavaHome() {
    List<Path> roots =
        new ArrayList<>(
            List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines")));
    String userHome = System.getProperty("user.home");
    if (userHome != null) {
      roots.add(Path.of(userHome, ".sdkman", "candidates", "java"));
    }
    return registryJavaHome(
        System.getenv(REGISTRY_JAVA_HOME_ENV),
        System.getProperty(REGISTRY_JAVA_HOME_PROPERTY),
        current(),
        roots);
  }

  static Path registryJavaHome(String env, String property, Path current, List<Path> roots) {
    String explicit = env != null && !env.isBlank() ? env : property;
    String source =
        env != null && !env.isBlank() ? REGISTRY_JAVA_HOME_ENV : REGISTRY_JAVA_HOME_PROPERTY;
    if (explicit != null && !explicit.isBlank()) {
      Path home = Path.of(explicit);
      OptionalInt feature = featureVersion(home);
      if (!Files.isExecutable(javaExecutable(home)) || feature.isEmpty()) {
        throw new InvalidInputException(
            source + "=" + explicit + " is not a Java home (no bin/java or release file)");
      }
      if (feature.getAsInt() < REGISTRY_MIN_FEATURE) {
        throw new InvalidInputException(
            source
                + "="
                + explicit
                + " is Java "
                + feature.getAsInt()
                + "; the local schema registry (Apicurio) needs Java "
                + REGISTRY_MIN_FEATURE
                + " or newer");
      }
      return home;
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(current);
    for (Path root : roots) {
      candidates.addAll(children(root));
    }
    return candidates.stream()
        .filter(h -> Files.isExecutable(javaExecutable(h)))
        .filter(h -> featureVersion(h).orElse(0) >= REGISTRY_MIN_FEATURE)
        // Newest first; among equals, keep list order (this JVM first), hence a stable sort.
        .sorted(Comparator.comparingInt((Path h) -> featureVersion(h).orElse(0)).reversed())
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "the local schema registry (Apicurio) needs Java "
                        + REGISTRY_MIN_FEATURE
                        + " or newer, and none was found (this JVM is "
                        + current
                        + "); install one or"
                        + " set "
                        + REGISTRY_JAVA_HOME_ENV
                        + " to its Java home"));
  }

  /** Java homes directly under {@code root}, including macOS bundles' {@code Contents/Home}. */
  private static List<Path> children(Path root) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        Path bundle = dir.resolve("Contents").resolve("Home");
        out.add(Files.isDirectory(bundle) ? bundle : dir);
      }
    } catch (IOException e) {
      // An unreadable directory holds no runtime we could use.
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** The feature version (8, 17, 21, 25...) from a Java home's {@code release} file. */
  public static OptionalInt featureVersion(Path javaHome) {
    Path release = javaHome.resolve("release");
    Optional<String> text;
    try {
      text =
          Files.isRegularFile(release) ? Optional.of(Files.readString(release)) : Optional.empty();
    } catch (IOException e) {
      text = Optional.empty();
    }
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    Matcher m = JAVA_VERSION.matcher(text.get());
    if (!m.find()) {
      return OptionalInt.empty();
    }
    int first = Integer.parseInt(m.group(1));
    // "1.8.0_402" is Java 8.
    return OptionalInt.of(first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first);
  }
}

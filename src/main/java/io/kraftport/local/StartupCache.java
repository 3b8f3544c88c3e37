package io.kraftport.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of parsed and linked classes that makes a server JVM start with about half the CPU: an
 * AOT cache on JDK 25+ (JEP 514), a dynamic CDS archive on JDK 13 to 24. It is made once, by a
 * training run of the same server, and kept beside the installation, one per server role and Java
 * runtime. Without a usable cache (an older JDK, a failed training, a runtime that rejects it) the
 * server simply starts without one.
 */
final class StartupCache {
  /** System property that turns the cache off, for measuring or when a JDK misbehaves with it. */
  static final String DISABLE_PROPERTY = "kraftport.local.startupCache.disabled";

  private static final Logger LOG = LoggerFactory.getLogger(StartupCache.class);
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private StartupCache() {}

  /**
   * The JVM options that use the cache for {@code role} on {@code javaHome}, training it first when
   * missing: {@code train} must run the server once with the JVM option it is given and let it exit
   * cleanly (a server: wait until it serves, then stop it with SIGTERM), since the JVM writes the
   * cache as it exits.
   */
  static List<String> options(Path cacheDir, Path javaHome, String role, Consumer<String> train) {
    int feature = JavaRuntimes.featureVersion(javaHome).orElse(0);
    if (feature < 13 || Boolean.getBoolean(DISABLE_PROPERTY)) {
      return List.of();
    }
    boolean aot = feature >= 25;
    String key = role + "-" + key(javaHome);
    Path cache = cacheDir.resolve(key + (aot ? ".aot" : ".jsa"));
    Path failed = cacheDir.resolve(key + ".failed");
    List<String> use =
        List.of((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache.toAbsolutePath());
    if (Files.isRegularFile(cache)) {
      return use;
    }
    if (Files.exists(failed)) {
      return List.of();
    }
    ReentrantLock local =
        IN_PROCESS.computeIfAbsent(cache.toAbsolutePath().normalize(), k -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(cacheDir);
      try (FileChannel channel =
          FileChannel.open(
              cacheDir.resolve(key + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        channel.lock(); // held until the channel closes, across JVMs
        if (Files.isRegularFile(cache)) {
          return use;
        }
        if (Files.exists(failed)) {
          return List.of();
        }
        Path output =
            cacheDir.resolve(key + "-" + UUID.randomUUID() + ".tmp" + (aot ? ".aot" : ".jsa"));
        long t0 = System.nanoTime();
        try {
          LOG.info("training a startup cache for {} on {} (once per Java runtime)", role, javaHome);
          // A server that fails to start here would fail the real start too: that failure
          // propagates.
          train.accept(
              (aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=")
                  + output.toAbsolutePath());
          if (!Files.isRegularFile(output)) {
            // Remembered, so a runtime that cannot write a cache does not train again at every
            // start.
            Files.writeString(failed, "the training run wrote no cache\n", StandardCharsets.UTF_8);
            LOG.warn(
                "the training run of {} on {} wrote no startup cache; starting without one (delete {} to"
                    + " retry)",
                role,
                javaHome,
                failed);
            return List.of();
          }
          Files.move(output, cache, StandardCopyOption.ATOMIC_MOVE);
          LOG.info("trained {} in {} s", cache, (System.nanoTime() - t0) / 1_000_000_000);
          return use;
        } finally {
          Files.deleteIfExists(output);
          Files.deleteIfExists(Path.of(output + ".config"));
        }
      }
    } catch (IOException e) {
      LOG.warn("could not use a startup cache in {}: {}", cacheDir, e.toString());
      return List.of();
    } finally {
      local.unlock();
    }
  }

  /**
   * The runtime's identity: its real path and its {@code release} file, so an upgraded JDK gets a
   * new cache.
   */
  static String key(Path javaHome) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(javaHome.toRealPath().toString().getBytes(StandardCharsets.UTF_8));
      Path release = javaHome.resolve("release");
      if (Files.isRegularFile(release)) {
        sha.update(Files.readAllBytes(release));
      }
      int feature = JavaRuntimes.featureVersion(javaHome).orElse(0);
      return "java" + feature + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot identify the Java runtime " + javaHome, e);
    }
  }
}

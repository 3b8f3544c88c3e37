package io.kraftport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** File-tree helpers for the temporary data directories of local servers. */
final class Dirs {
  private Dirs() {}

  /** A new empty directory under the system temp dir whose name says which server owns it. */
  static Path newDataDir(String owner) {
    try {
      return Files.createTempDirectory(
          "kraftport-" + owner.replaceAll("[^A-Za-z0-9.-]", "-") + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for " + owner, e);
    }
  }

  /** Deletes a directory tree; a missing tree is fine. */
  static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // A file the server removed while we walked is what we wanted anyway.
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Deletes a tree, retrying once (a process that just died may still be closing files), and
   * reports nothing.
   */
  static boolean deleteQuietly(Path root) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        deleteRecursively(root);
        return true;
      } catch (IOException e) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }
}

package org.registrysecrets.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.registrysecrets.api.InvalidInputException;

/**
 * The files the CLI reads and writes. A file that cannot be read or written is a local problem
 * (exit 2) with a message that names it; files that hold credentials are owner-only from the first
 * byte on.
 */
final class LocalFiles {

  /** Service keys and Docker configs are small; anything larger is not one. */
  static final long MAX_BYTES = 64 * 1024;

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private LocalFiles() {}

  static String read(Path file, long maxBytes) {
    try {
      if (Files.size(file) > maxBytes) {
        throw new InvalidInputException(file + " is larger than " + maxBytes / 1024 + " KiB.");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw UsageException.local(problem("read", file, e));
    }
  }

  static void createOwnerOnlyDirectories(Path directory) {
    try {
      if (!Files.isDirectory(directory)) {
        if (POSIX) {
          Files.createDirectories(
              directory,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(directory);
        }
      }
    } catch (IOException e) {
      throw UsageException.local(problem("create", directory, e));
    }
  }

  /** Replaces {@code target} atomically with {@code content}, readable by the owner only. */
  static void writeOwnerOnly(Path target, String content) {
    Path parent = target.toAbsolutePath().getParent();
    try {
      Path temp =
          POSIX
              ? Files.createTempFile(
                  parent,
                  ".regsecrets",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(parent, ".regsecrets", ".tmp");
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw UsageException.local(problem("write", target, e));
    }
  }

  private static String problem(String verb, Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + file;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: cannot " + verb + " " + file;
    }
    return "cannot " + verb + " " + file + ": " + e.getClass().getSimpleName();
  }
}

package org.registrysecrets.server.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The data folder: readable by the owner only, and the place every key file is written to. */
@Component
public class DataDirectory {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path root;

  public DataDirectory(InstanceProperties properties) {
    this.root = ensureExists(properties.dataDir());
  }

  /** Creates {@code dir} (owner-only) if it is missing; used before the database opens it. */
  static Path ensureExists(Path dir) {
    try {
      Path absolute = dir.toAbsolutePath().normalize();
      if (!Files.isDirectory(absolute)) {
        Files.createDirectories(absolute);
      }
      if (POSIX) {
        Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIR);
      }
      return absolute;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the data folder " + dir, e);
    }
  }

  public Path root() {
    return root;
  }

  /**
   * Makes every file and folder in the data folder owner-only, whoever created it: H2 opens its
   * files with the process's default permissions.
   */
  public void restrictToOwner() {
    if (!POSIX) {
      return;
    }
    try (var entries = Files.walk(root)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!Files.isSymbolicLink(entry)) {
          Files.setPosixFilePermissions(
              entry, Files.isDirectory(entry) ? OWNER_ONLY_DIR : OWNER_ONLY_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict the data folder " + root, e);
    }
  }

  public Path resolve(String fileName) {
    return root.resolve(fileName);
  }

  /**
   * Writes {@code content} to {@code fileName} atomically, readable by the owner only from the
   * first byte on.
   */
  public Path writeOwnerOnly(String fileName, byte[] content) {
    Path target = resolve(fileName);
    try {
      Path temp =
          POSIX
              ? Files.createTempFile(
                  root,
                  "." + fileName,
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
              : Files.createTempFile(root, "." + fileName, ".tmp");
      try {
        Files.write(temp, content);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  /** Reads {@code fileName}, or returns {@code null} if it does not exist. */
  public byte @org.jspecify.annotations.Nullable [] readIfExists(String fileName) {
    Path file = resolve(fileName);
    try {
      return Files.exists(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}

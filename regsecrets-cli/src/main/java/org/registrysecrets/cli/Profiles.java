package org.registrysecrets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.registrysecrets.api.Identifiers;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.ServiceKeys;

/** Service keys saved by {@code regsecrets login}, one owner-only file per profile. */
final class Profiles {

  static final String DEFAULT = "default";

  private final Path directory;

  Profiles(Path configDir) {
    this.directory = configDir.resolve("profiles");
  }

  Path file(String profile) {
    if (!Identifiers.isPlain(profile, 64)) {
      throw new InvalidInputException(
          "A profile name is 1 to 64 letters, digits, '-', '_' or '.'.");
    }
    return directory.resolve(profile + ".json");
  }

  void save(String profile, ServiceKey key) {
    Path target = file(profile);
    try {
      OwnerOnlyFiles.createDirectories(directory);
      OwnerOnlyFiles.write(target, ServiceKeys.toJson(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the profile to " + target, e);
    }
  }

  ServiceKey load(String profile) {
    Path source = file(profile);
    if (!Files.exists(source)) {
      throw new InvalidInputException(
          "No profile \""
              + profile
              + "\": run regsecrets login --service-key FILE"
              + (profile.equals(DEFAULT) ? "" : " --profile " + profile)
              + ", or set AICORE_SERVICE_KEY.");
    }
    try {
      return ServiceKeys.parse(Files.readString(source, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source, e);
    }
  }

  /** Writes files that hold credentials: readable by the owner only from the first byte on. */
  static final class OwnerOnlyFiles {

    private static final boolean POSIX =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    static void createDirectories(Path directory) throws IOException {
      if (!Files.isDirectory(directory)) {
        if (POSIX) {
          Files.createDirectories(
              directory,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(directory);
        }
      }
    }

    static void write(Path target, String content) throws IOException {
      Path parent = target.toAbsolutePath().getParent();
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
    }
  }
}

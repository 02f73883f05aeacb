package org.registrysecrets.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
    LocalFiles.createOwnerOnlyDirectories(directory);
    LocalFiles.writeOwnerOnly(target, ServiceKeys.toJson(key));
  }

  ServiceKey load(String profile) {
    Path source = file(profile);
    if (!Files.exists(source)) {
      throw UsageException.local(
          "no profile \""
              + profile
              + "\": run regsecrets login --service-key FILE"
              + (profile.equals(DEFAULT) ? "" : " --profile " + profile)
              + ", or set AICORE_SERVICE_KEY.");
    }
    return ServiceKeys.parse(LocalFiles.read(source, LocalFiles.MAX_BYTES));
  }
}

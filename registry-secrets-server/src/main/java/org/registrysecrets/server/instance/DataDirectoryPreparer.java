package org.registrysecrets.server.instance;

import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the data folder, owner-only, before anything opens a file in it: H2 would otherwise
 * create it with the process's default permissions.
 */
class DataDirectoryPreparer implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String dir = environment.getProperty("regsecrets.data-dir");
    if (dir != null && !dir.isBlank()) {
      DataDirectory.ensureExists(Path.of(dir));
    }
  }
}

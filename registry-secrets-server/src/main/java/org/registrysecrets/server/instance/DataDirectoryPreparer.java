package org.registrysecrets.server.instance;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates the data folder, owner-only, before anything opens a file in it (H2 would otherwise
 * create it with the process's default permissions), and makes its path absolute, as H2's JDBC URL
 * requires.
 */
class DataDirectoryPreparer implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String dir = environment.getProperty("regsecrets.data-dir");
    if (dir != null && !dir.isBlank()) {
      Path absolute = DataDirectory.ensureExists(Path.of(dir));
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "regsecretsDataDir", Map.of("regsecrets.data-dir", absolute.toString())));
    }
  }
}

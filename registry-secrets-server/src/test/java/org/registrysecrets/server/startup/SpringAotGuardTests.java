package org.registrysecrets.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * A start asked to use Spring AOT keeps it only when its jar carries the build's condition inputs
 * and they still hold. Sets {@code spring.aot.enabled} for the test's own call only.
 */
class SpringAotGuardTests {

  private static final String KUBERNETES = "regsecrets.kubernetes.enabled";

  @TempDir Path classes;
  private @Nullable String before;

  @BeforeEach
  void askForSpringAot() {
    before = System.getProperty(AotDetector.AOT_ENABLED);
    System.setProperty(AotDetector.AOT_ENABLED, "true");
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(AotDetector.AOT_ENABLED);
    } else {
      System.setProperty(AotDetector.AOT_ENABLED, before);
    }
  }

  @Test
  void keepsSpringAotWhileTheInputsHold() throws IOException {
    jarBuiltWithoutKubernetesSync();

    guard(new MockEnvironment());

    assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
  }

  @Test
  void turnsSpringAotOffWhenAnInputDiffers() throws IOException {
    jarBuiltWithoutKubernetesSync();

    guard(new MockEnvironment().withProperty(KUBERNETES, "true"));

    assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
  }

  @Test
  void turnsSpringAotOffForAJarBuiltWithoutIt() throws IOException {
    guard(new MockEnvironment());

    assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
  }

  /** The build's record: its conditions read the sync's switch, which was not set. */
  private void jarBuiltWithoutKubernetesSync() throws IOException {
    try (URLClassLoader jar = jar()) {
      ConditionInputs inputs = ConditionInputs.of(Set.of(KUBERNETES), new MockEnvironment(), jar);
      Path resource = classes.resolve(ConditionInputs.RESOURCE);
      Files.createDirectories(resource.getParent());
      Files.writeString(resource, inputs.text());
    }
  }

  /** The class path of a jar whose classes are {@link #classes} alone. */
  private URLClassLoader jar() throws IOException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
  }

  private void guard(MockEnvironment environment) throws IOException {
    try (URLClassLoader jar = jar()) {
      new SpringAotGuard(new DeferredLogs())
          .postProcessEnvironment(
              environment, new SpringApplication(new DefaultResourceLoader(jar)));
    }
  }
}

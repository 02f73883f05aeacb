package org.registrysecrets.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Spring AOT's definitions are used only while what chose them at build time is unchanged. */
class ConditionInputsTests {

  private static final String DATASOURCE_URL = "spring.datasource.url";
  private static final String KUBERNETES = "regsecrets.kubernetes.enabled";
  private static final String EXPOSED = "management.endpoints.web.exposure.include";

  private final ClassLoader loader = getClass().getClassLoader();

  /** What the build saw: endpoints exposed, an H2 URL, no Kubernetes sync. */
  private MockEnvironment atBuild() {
    return new MockEnvironment()
        .withProperty(EXPOSED, "health,prometheus")
        .withProperty(DATASOURCE_URL, "jdbc:h2:file:/build/data/registry-secrets");
  }

  private ConditionInputs built() {
    return ConditionInputs.of(Set.of(EXPOSED, DATASOURCE_URL, KUBERNETES), atBuild(), loader);
  }

  @Test
  void holdWhileEveryInputIsAsAtBuildTime() {
    assertThat(built().firstDifference(atBuild(), loader)).isNull();
  }

  @Test
  void anInputSetNowThatWasAbsentAtBuildTimeDiffers() {
    MockEnvironment now = atBuild().withProperty(KUBERNETES, "true");

    assertThat(built().firstDifference(now, loader)).contains("'" + KUBERNETES + "'");
  }

  @Test
  void anInputWithAnotherValueDiffers() {
    MockEnvironment now = atBuild().withProperty(EXPOSED, "health,prometheus,info");

    assertThat(built().firstDifference(now, loader)).contains("'" + EXPOSED + "'");
  }

  @Test
  void anInputNoLongerSetDiffers() {
    MockEnvironment now = new MockEnvironment().withProperty(DATASOURCE_URL, "jdbc:h2:mem:x");

    assertThat(built().firstDifference(now, loader)).contains("'" + EXPOSED + "'");
  }

  @Test
  void anotherAutoConfigurationExclusionDiffers() {
    MockEnvironment now =
        atBuild().withProperty("spring.autoconfigure.exclude", "com.example.SomeAutoConfiguration");

    assertThat(built().firstDifference(now, loader)).contains("'spring.autoconfigure.exclude'");
  }

  @Test
  void aDataSourceUrlCountsOnlyByBeingSet() {
    MockEnvironment postgres =
        atBuild().withProperty(DATASOURCE_URL, "jdbc:postgresql://db:5432/registry_secrets");
    MockEnvironment none = new MockEnvironment().withProperty(EXPOSED, "health,prometheus");

    assertThat(built().firstDifference(postgres, loader)).isNull();
    assertThat(built().firstDifference(none, loader)).contains("'" + DATASOURCE_URL + "'");
  }

  @Test
  void anotherAutoConfigurationOnTheClassPathDiffers(@TempDir Path extra) throws IOException {
    Path imports =
        extra.resolve(
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
    Files.createDirectories(imports.getParent());
    Files.writeString(imports, "com.example.BaselineAutoConfiguration\n");

    try (URLClassLoader withExtra = new URLClassLoader(new URL[] {extra.toUri().toURL()}, loader)) {
      assertThat(built().firstDifference(atBuild(), withExtra))
          .contains("other auto-configurations");
    }
  }

  @Test
  void readBackAsTheBuildWroteThem(@TempDir Path classes) throws IOException {
    ConditionInputs built = built();
    Path resource = classes.resolve(ConditionInputs.RESOURCE);
    Files.createDirectories(resource.getParent());
    Files.writeString(resource, built.text());

    try (URLClassLoader jar = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThat(ConditionInputs.read(jar)).isEqualTo(built);
    }
  }

  @Test
  void aJarBuiltWithoutSpringAotHasNone(@TempDir Path classes) throws IOException {
    try (URLClassLoader jar = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThat(ConditionInputs.read(jar)).isNull();
    }
  }
}

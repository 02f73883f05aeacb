package org.registrysecrets.api.dockerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.InvalidInputException;

class DockerConfigInputTests {

  private static final String CONFIG = "{\"auths\":{\"r.io\":{\"auth\":\"dTpw\"}}}";

  @Test
  void acceptsTheBareConfig() {
    assertThat(DockerConfigInput.normalize(CONFIG).dockerConfigJson()).isEqualTo(CONFIG);
  }

  @Test
  void unwrapsTheDataObject() {
    String data = "{\".dockerconfigjson\":" + quoted(CONFIG) + "}";

    assertThat(DockerConfigInput.normalize(data).dockerConfigJson()).isEqualTo(CONFIG);
  }

  @Test
  void decodesBase64OfEitherForm() {
    String data = "{\".dockerconfigjson\":" + quoted(CONFIG) + "}";

    assertThat(DockerConfigInput.normalize(base64(CONFIG)).dockerConfigJson()).isEqualTo(CONFIG);
    assertThat(DockerConfigInput.normalize(base64(data) + "\n").dockerConfigJson())
        .isEqualTo(CONFIG);
  }

  @Test
  void convertsALegacyDockercfgWithAWarning() {
    DockerConfigInput.Normalized normalized =
        DockerConfigInput.normalize("{\"r.io\":{\"auth\":\"dTpw\",\"email\":\"a@b.c\"}}");

    assertThat(DockerConfigParser.parse(normalized.dockerConfigJson()).config().registries())
        .containsExactly("r.io");
    assertThat(normalized.warnings()).singleElement().asString().contains("legacy .dockercfg");
  }

  @Test
  void refusesWhatIsNeitherJsonNorBase64() {
    assertThatThrownBy(() -> DockerConfigInput.normalize("user:password"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("password\"");
    assertThatThrownBy(() -> DockerConfigInput.normalize("   ")).hasMessageContaining("empty");
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\\\"") + "\"";
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}

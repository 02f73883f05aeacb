package org.registrysecrets.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigInput;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.dockerconfig.ParsedDockerConfig;

/**
 * Everything a user's bytes meet first — the {@code .dockerconfigjson} parser, the normaliser of
 * what the Launchpad and CLI accept, the name rule — either accepts its input into something that
 * holds its invariants, or refuses it with an {@link InvalidInputException}; never anything else.
 * Without {@code JAZZER_FUZZ} this replays the seeds in the test resources (regression mode); the
 * build's {@code fuzz-short} execution fuzzes for 20 s, {@code -Pfuzz} for as long as it is given.
 */
class InputFuzzTests {

  @FuzzTest(maxDuration = "20s")
  void acceptsIntoValidValuesOrRefusesClearly(FuzzedDataProvider data) {
    int target = data.consumeInt(0, 2);
    String input = data.consumeRemainingAsString();
    try {
      switch (target) {
        case 0 -> parsed(input);
        case 1 -> normalized(input);
        default -> named(input);
      }
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  private static void parsed(String input) {
    ParsedDockerConfig parsed = DockerConfigParser.parse(input);
    assertThat(parsed.config().registries())
        .hasSizeLessThanOrEqualTo(DockerConfigParser.MAX_REGISTRIES);
    // What the parser stores parses again to the same registries: no drift between write and read.
    ParsedDockerConfig again =
        DockerConfigParser.parse(
            new String(parsed.config().utf8(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(again.config().registries()).isEqualTo(parsed.config().registries());
  }

  private static void normalized(String input) {
    DockerConfigInput.Normalized normalized = DockerConfigInput.normalize(input);
    DockerConfigParser.parse(normalized.dockerConfigJson());
  }

  private static void named(String input) {
    boolean valid = SecretName.isValid(input);
    assertThat(SecretName.problemWith(input) == null).isEqualTo(valid);
    if (valid) {
      assertThat(SecretName.of(input).value()).isEqualTo(input);
    } else {
      try {
        SecretName.of(input);
        throw new AssertionError("An invalid name was accepted: " + input);
      } catch (InvalidInputException expected) {
        // refused, as it must be
      }
    }
  }
}

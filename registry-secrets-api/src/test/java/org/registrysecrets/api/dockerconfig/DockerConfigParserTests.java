package org.registrysecrets.api.dockerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DockerConfigParserTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void addsAuthWhenOnlyUsernameAndPasswordAreGiven() {
    ParsedDockerConfig parsed =
        DockerConfigParser.parse(
            "{\"auths\":{\"ghcr.io\":{\"username\":\"me\",\"password\":\"pw:with:colons\"}}}");

    JsonNode entry = JSON.readTree(parsed.config().utf8()).get("auths").get("ghcr.io");
    assertThat(entry.get("auth").asString()).isEqualTo(base64("me:pw:with:colons"));
    assertThat(entry.get("username").asString()).isEqualTo("me");
    assertThat(parsed.config().registries()).containsExactly("ghcr.io");
    assertThat(parsed.warnings()).isEmpty();
    RegistryCredential credential = parsed.config().credentials().get(0);
    assertThat(credential.basicAuthorization()).isEqualTo("Basic " + base64("me:pw:with:colons"));
  }

  @Test
  void storesDockerHubUnderItsCanonicalKeyAndSaysSo() {
    ParsedDockerConfig parsed =
        DockerConfigParser.parse(
            "{\"auths\":{\"registry-1.docker.io\":{\"auth\":\"" + base64("u:p") + "\"}}}");

    assertThat(JSON.readTree(parsed.config().utf8()).get("auths").has(RegistryKey.DOCKER_HUB))
        .isTrue();
    assertThat(parsed.warnings()).singleElement().asString().contains("Docker Hub");
  }

  @Test
  void splitsAuthAtTheFirstColon() {
    ParsedDockerConfig parsed =
        DockerConfigParser.parse(
            "{\"auths\":{\"r.io\":{\"auth\":\""
                + base64("user:pa:ss")
                + "\",\"username\":\"user\",\"password\":\"pa:ss\"}}}");

    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void refusesNonCanonicalBase64() {
    assertThatThrownBy(
            () -> DockerConfigParser.parse("{\"auths\":{\"r.io\":{\"auth\":\"dTpw\\n\"}}}"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                DockerConfigParser.parse(
                    "{\"auths\":{\"r.io\":{\"auth\":\"dTpx\"}}}".replace("dTpx", "dTp")))
        .hasMessageContaining("multiple of 4");
    assertThatThrownBy(
            () ->
                DockerConfigParser.parse(
                    "{\"auths\":{\"r.io\":{\"auth\":\"dTpx=\"}}}".replace("dTpx=", "dTq=")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void keepsToStringFreeOfCredentials() {
    ParsedDockerConfig parsed =
        DockerConfigParser.parse(
            "{\"auths\":{\"r.io\":{\"auth\":\"" + base64("u:secret-pw") + "\"}}}");

    assertThat(parsed.config().toString()).doesNotContain(base64("u:secret-pw")).contains("****");
    assertThat(parsed.toString()).doesNotContain(base64("u:secret-pw"));
  }

  @Property(tries = 500)
  void acceptsEveryWellFormedConfigAndKeepsItsCredentials(
      @ForAll("registries") String registry,
      @ForAll("users") String user,
      @ForAll("passwords") String password) {
    String config =
        "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + base64(user + ":" + password) + "\"}}}";

    ParsedDockerConfig parsed = DockerConfigParser.parse(config);
    DockerConfigJson reparsed = DockerConfigJson.fromTrustedUtf8(parsed.config().utf8());

    assertThat(reparsed).isEqualTo(parsed.config());
    RegistryCredential credential = reparsed.credentials().get(0);
    assertThat(credential.username()).isEqualTo(user);
    assertThat(credential.password()).isEqualTo(Plaintext.of(password));
    assertThat(credential.toString() + reparsed).doesNotContain(password);
    JsonNode auths = JSON.readTree(parsed.config().utf8()).get("auths");
    String auth = auths.values().iterator().next().get("auth").asString();
    assertThat(new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8))
        .isEqualTo(user + ":" + password);
  }

  @Property(tries = 2000)
  void answersAnyInputWithAResultOrAnInvalidInputThatNeverQuotesIt(@ForAll("noise") String input) {
    try {
      DockerConfigParser.parse(input);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).isNotBlank();
      if (input.length() > 12 && !input.contains("\"auths\"")) {
        assertThat(e.getMessage()).doesNotContain(input);
      }
    }
  }

  @Property(tries = 500)
  void neverQuotesAPasswordInWarningsOrErrors(@ForAll("passwords") String password) {
    String withWhitespace =
        "{\"auths\":{\"r.io\":{\"username\":\"u\",\"password\":\" " + password + "\"}}}";
    String broken = "{\"auths\":{\"r.io\":{\"auth\":\"" + password + "!\"}}}";

    ParsedDockerConfig parsed = DockerConfigParser.parse(withWhitespace);

    assertThat(String.join(" ", parsed.warnings())).doesNotContain(password);
    assertThatThrownBy(() -> DockerConfigParser.parse(broken))
        .isInstanceOf(InvalidInputException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .doesNotContain(password);
  }

  @Provide
  Arbitrary<String> registries() {
    Arbitrary<String> host =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
            .ofMinLength(1)
            .ofMaxLength(12)
            .map(label -> label + ".example.com");
    Arbitrary<String> port =
        Arbitraries.integers().between(1, 65535).map(p -> ":" + p).injectNull(0.5);
    Arbitrary<String> scheme = Arbitraries.of("", "https://");
    Arbitrary<String> path = Arbitraries.of("", "/v2/", "/team/project");
    return Combinators.combine(scheme, host, port, path)
        .as((s, h, p, pa) -> s + h + (p == null ? "" : p) + pa);
  }

  @Provide
  Arbitrary<String> users() {
    return Arbitraries.strings().alpha().numeric().withChars("._-@").ofMinLength(1).ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> passwords() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars(":!$%&/()=?+#")
        .ofMinLength(8)
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"auths\"",
            "\"auth\"",
            "\"username\"",
            "\"password\"",
            "\"r.io\"",
            "\"docker.io\"",
            "\"dTpw\"",
            "\"\"",
            "null",
            "1",
            "true",
            "\"credsStore\"",
            "\"identitytoken\"",
            "\"x\"",
            " ",
            "\\");
    return fragments.list().ofMaxSize(30).map(parts -> String.join("", parts));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}

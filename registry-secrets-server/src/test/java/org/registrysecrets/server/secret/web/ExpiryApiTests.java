package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import tools.jackson.databind.JsonNode;

/** Expiry given in {@code x-regsecrets} or learned from the credential, its state and filter. */
class ExpiryApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  private String editor;

  @BeforeEach
  void tenant() {
    editor = token("expiry-" + UUID.randomUUID(), "editor");
  }

  @Test
  void givenAndLearnedExpiriesShowAsStatesAndFilterTheList() {
    Instant inAMonth = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    Instant inTwoDays = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    String jwt = jwt(inTwoDays);
    String ecr = ecrToken(yesterday);

    Response given =
        api.post(
            SECRETS,
            editor,
            "{\"name\":\"given\",\"data\":{\".dockerconfigjson\":"
                + quoted(dockerConfig("r.io", "u", "Given-pw-1"))
                + "},\"x-regsecrets\":{\"registries\":{\"r.io\":{\"expiresAt\":\""
                + inAMonth
                + "\"}}}}");
    api.post(
        SECRETS, editor, createBody("from-jwt", dockerConfig("gitlab.example.com", "ci", jwt)));
    api.post(
        SECRETS,
        editor,
        createBody("from-ecr", dockerConfig("123.dkr.ecr.eu-west-1.amazonaws.com", "AWS", ecr)));
    api.post(SECRETS, editor, createBody("unknown", dockerConfig("r.io", "u", "plain-pw")));

    assertThat(given.status()).as(given.body()).isEqualTo(202);
    JsonNode ok = api.get(SECRETS + "/given", editor).json().get("expiry");
    assertThat(ok.get("state").asString()).isEqualTo("ok");
    assertThat(Instant.parse(ok.get("expiresAt").asString())).isEqualTo(inAMonth);
    assertThat(ok.get("registries").get("r.io").get("source").asString()).isEqualTo("user");
    JsonNode expiring = api.get(SECRETS + "/from-jwt", editor).json().get("expiry");
    assertThat(expiring.get("state").asString()).isEqualTo("expiring");
    assertThat(Instant.parse(expiring.get("expiresAt").asString())).isEqualTo(inTwoDays);
    assertThat(expiring.get("registries").get("gitlab.example.com").get("source").asString())
        .isEqualTo("jwt");
    JsonNode expired = api.get(SECRETS + "/from-ecr", editor).json().get("expiry");
    assertThat(expired.get("state").asString()).isEqualTo("expired");
    assertThat(api.get(SECRETS + "/unknown", editor).json().has("expiry")).isFalse();

    JsonNode within = api.get(SECRETS + "?expiringWithin=P7D&$count=true", editor).json();
    assertThat(within.get("count").asInt()).isEqualTo(2);
    assertThat(within.get("resources").get(0).get("name").asString()).isEqualTo("from-ecr");
    assertThat(within.get("resources").get(1).get("name").asString()).isEqualTo("from-jwt");
    assertThat(api.get(SECRETS + "?expiringWithin=P60D", editor).json().get("resources"))
        .hasSize(3);
    assertThat(within.toString()).doesNotContain(jwt).doesNotContain(ecr);
  }

  @Test
  void refusesExpiriesForUnknownEntriesAndBadDurations() {
    Response unknownEntry =
        api.post(
            SECRETS,
            editor,
            "{\"name\":\"typo\",\"data\":{\".dockerconfigjson\":"
                + quoted(dockerConfig("r.io", "u", "p"))
                + "},\"x-regsecrets\":{\"registries\":{\"q.io\":{\"expiresAt\":\"2027-03-01T00:00:00Z\"}}}}");
    Response badDuration = api.get(SECRETS + "?expiringWithin=7days", editor);

    assertThat(unknownEntry.status()).isEqualTo(400);
    assertThat(unknownEntry.errorMessage()).contains("q.io").contains("r.io");
    assertThat(api.get(SECRETS + "/typo", editor).status()).isEqualTo(404);
    assertThat(badDuration.status()).isEqualTo(400);
    assertThat(badDuration.errorMessage()).contains("P7D");
  }

  /** A JWT as GitLab or Harbor issue them: only its {@code exp} matters here. */
  private static String jwt(Instant expiresAt) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(
            ("{\"sub\":\"ci\",\"exp\":" + expiresAt.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  /** The password of an ECR authorization token: base64 of a JSON document with its expiration. */
  private static String ecrToken(Instant expiresAt) {
    return Base64.getEncoder()
        .encodeToString(
            ("{\"payload\":\"opaque\",\"datakey\":\"opaque\",\"version\":\"2\","
                    + "\"type\":\"DATA_KEY\",\"expiration\":"
                    + expiresAt.getEpochSecond()
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
  }

  private static String quoted(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

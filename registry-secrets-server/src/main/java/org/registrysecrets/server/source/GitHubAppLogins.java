package org.registrysecrets.server.source;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import tools.jackson.databind.JsonNode;

/**
 * {@code ghcr.io} logins from a GitHub App: a JWT signed with the App's private key (RS256, 9
 * minutes, issued a minute back for clock drift) asks for an installation access token (1 hour),
 * which logs in as {@code x-access-token}.
 */
final class GitHubAppLogins {

  static final String USERNAME = "x-access-token";

  private final SourceProperties properties;
  private final VendorHttp http;
  private final Clock clock;

  GitHubAppLogins(SourceProperties properties, VendorHttp http, Clock clock) {
    this.properties = properties;
    this.http = http;
    this.clock = clock;
  }

  DerivedLogin login(CredentialSource.GitHubApp source) {
    String base = properties.githubApiUrl().toString().replaceAll("/+$", "");
    JsonNode answer =
        http.post(
            "GitHub",
            URI.create(base + "/app/installations/" + source.installationId() + "/access_tokens"),
            Map.of(
                "Authorization", "Bearer " + appJwt(source),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28"),
            HttpRequest.BodyPublishers.noBody());
    String token = answer.path("token").asString("");
    Instant expiresAt;
    try {
      expiresAt = Instant.parse(answer.path("expires_at").asString(""));
    } catch (DateTimeParseException e) {
      throw new SourceExchangeException("GitHub answered without a token expiry", true);
    }
    if (token.isEmpty()) {
      throw new SourceExchangeException("GitHub answered without an installation token", true);
    }
    return new DerivedLogin(
        DockerConfigJson.ofLogins(
            List.of(new DockerConfigJson.Login(source.registry(), USERNAME, Plaintext.of(token)))),
        expiresAt);
  }

  private String appJwt(CredentialSource.GitHubApp source) {
    Instant now = clock.instant();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .issuer(source.appId())
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(540)))
                .build());
    try {
      jwt.sign(new RSASSASigner(RsaKeys.privateKey(source.privateKey(), "source.privateKey")));
    } catch (JOSEException e) {
      throw new SourceExchangeException("The App's private key cannot sign", true);
    }
    return jwt.serialize();
  }
}

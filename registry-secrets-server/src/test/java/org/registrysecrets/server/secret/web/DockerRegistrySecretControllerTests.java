package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.registrysecrets.server.http.ApiProperties;
import org.registrysecrets.server.secret.DockerRegistrySecret;
import org.registrysecrets.server.secret.DockerRegistrySecretPage;
import org.registrysecrets.server.secret.DockerRegistrySecretService;
import org.registrysecrets.server.secret.ExpectedVersions;
import org.registrysecrets.server.secret.Paging;
import org.registrysecrets.server.secret.SecretNotFoundException;
import org.registrysecrets.server.secret.SecretOptions;
import org.registrysecrets.server.secret.SecretProperties;
import org.registrysecrets.server.secret.SecretPullChecks;
import org.registrysecrets.server.secret.SecretQuotaExceededException;
import org.registrysecrets.server.security.ApiSecurityConfiguration;
import org.registrysecrets.server.security.Scopes;
import org.registrysecrets.server.security.SecurityProperties;
import org.registrysecrets.server.source.CredentialSources;
import org.registrysecrets.server.storage.StorageRecovery;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The HTTP side of {@code /v2/admin/dockerRegistrySecrets} with the service mocked: binding,
 * scopes, status codes and AI Core's error body. The full stack is in {@code
 * DockerRegistrySecretApiTests}.
 */
@WebMvcTest(
    controllers = DockerRegistrySecretController.class,
    // The Launchpad's page model advice serves its own controllers only; the rate limits share
    // their buckets through the database, which this slice does not have.
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = {
              "org\\.registrysecrets\\.server\\.launchpad\\..*",
              "org\\.registrysecrets\\.server\\.http\\.TokenRequestRateLimit",
              "org\\.registrysecrets\\.server\\.security\\.TenantRateLimit"
            }))
@Import({ApiSecurityConfiguration.class, ApiErrorWriter.class})
@EnableConfigurationProperties({
  ApiProperties.class,
  SecurityProperties.class,
  SecretProperties.class
})
class DockerRegistrySecretControllerTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final TenantId TENANT = TenantId.of("slice");

  @Autowired MockMvcTester mvc;
  @MockitoBean DockerRegistrySecretService secrets;
  @MockitoBean SecretPullChecks pullChecks;
  @MockitoBean CredentialSources sources;
  @MockitoBean JwtDecoder tokens;
  @MockitoBean StorageRecovery recovery;

  @BeforeEach
  void tokens() {
    when(tokens.decode("reader")).thenReturn(token(Scopes.READ));
    when(tokens.decode("editor"))
        .thenReturn(token(Scopes.READ, Scopes.CREATE, Scopes.UPDATE, Scopes.DELETE));
  }

  @Test
  void bindsPagingFromTheQuery() {
    when(secrets.list(TENANT, new Paging(2, 1, true)))
        .thenReturn(new DockerRegistrySecretPage(List.of(secret("beta")), 7L));

    MvcTestResult result =
        mvc.get().uri(SECRETS + "?$top=2&$skip=1&$count=true").with(bearer("reader")).exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.count").isEqualTo(7);
    assertThat(result).bodyJson().extractingPath("$.resources[0].name").isEqualTo("beta");
  }

  @Test
  void refusesMalformedPagingWithoutCallingTheService() {
    for (String query : List.of("$top=-1", "$skip=x", "$count=yes", "$top=10000000000")) {
      MvcTestResult result = mvc.get().uri(SECRETS + "?" + query).with(bearer("reader")).exchange();

      assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST);
      assertThat(result).bodyJson().extractingPath("$.error.code").isEqualTo("BadRequest");
    }
    verify(secrets, never()).list(any(), any());
  }

  @Test
  void passesEveryIfMatchTagAsOneCondition() {
    when(secrets.modify(
            any(),
            eq(SecretName.of("pull")),
            any(DockerConfigJson.class),
            any(),
            eq(VerifyMode.OFF),
            eq(SecretOptions.NONE)))
        .thenReturn(secret("pull"));

    MvcTestResult result =
        mvc.patch()
            .uri(SECRETS + "/pull")
            .with(bearer("editor"))
            .header("If-Match", "\"3\", W/\"4\", \"5\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"data\":{\".dockerconfigjson\":\"{\\\"auths\\\":{\\\"r.io\\\":{\\\"auth\\\":\\\"dTpw\\\"}}}\"}}")
            .exchange();

    assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    verify(secrets)
        .modify(
            any(),
            eq(SecretName.of("pull")),
            any(DockerConfigJson.class),
            eq(ExpectedVersions.oneOf(Set.of(3L, IfMatchArgumentResolver.NO_VERSION, 5L))),
            eq(VerifyMode.OFF),
            eq(SecretOptions.NONE));
  }

  @Test
  void mapsEachRefusalToAiCoresStatusAndCode() {
    when(secrets.get(TENANT, SecretName.of("gone")))
        .thenThrow(new SecretNotFoundException(SecretName.of("gone")));
    when(secrets.create(
            any(), any(), any(DockerConfigJson.class), eq(VerifyMode.OFF), eq(SecretOptions.NONE)))
        .thenThrow(new SecretQuotaExceededException(50));

    MvcTestResult missing = mvc.get().uri(SECRETS + "/gone").with(bearer("reader")).exchange();
    MvcTestResult full =
        mvc.post()
            .uri(SECRETS)
            .with(bearer("editor"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"name\":\"more\",\"data\":{\".dockerconfigjson\":\"{\\\"auths\\\":{\\\"r.io\\\":{\\\"auth\\\":\\\"dTpw\\\"}}}\"}}")
            .exchange();

    assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(missing).bodyJson().extractingPath("$.error.code").isEqualTo("NotFound");
    assertThat(missing).bodyJson().extractingPath("$.error.target").isEqualTo(SECRETS + "/gone");
    assertThat(full).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(full).bodyJson().extractingPath("$.error.code").isEqualTo("QuotaExceeded");
  }

  @Test
  void needsTheScopeOfTheCall() {
    MvcTestResult withoutToken = mvc.get().uri(SECRETS).exchange();
    MvcTestResult readerDeletes =
        mvc.delete().uri(SECRETS + "/pull").with(bearer("reader")).exchange();

    assertThat(withoutToken).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(withoutToken).bodyJson().extractingPath("$.error.code").isEqualTo("Unauthorized");
    assertThat(readerDeletes).hasStatus(HttpStatus.FORBIDDEN);
    verify(secrets, never()).delete(any(), any(), any());
  }

  private static Jwt token(String... scopes) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .claim("zid", TENANT.value())
        .claim("client_id", "sb-slice")
        .claim("scope", List.of(scopes))
        .build();
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor bearer(
      String token) {
    return request -> {
      request.addHeader("Authorization", "Bearer " + token);
      return request;
    };
  }

  private static DockerRegistrySecret secret(String name) {
    Instant then = Instant.parse("2026-11-01T00:00:00Z");
    return new DockerRegistrySecret(SecretName.of(name), then, then, List.of("r.io"), 4, null);
  }
}

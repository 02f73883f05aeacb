package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tenants and token clients over their limits get 429 with Retry-After. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "regsecrets.api.tenant-requests-per-second=0.01",
      "regsecrets.api.tenant-burst=3",
      "regsecrets.api.token-requests-per-second=0.01",
      "regsecrets.api.token-burst=4"
    })
class RateLimitApiTests {

  private static final Path DATA_DIR = TestData.newDataDir("rate");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
  }

  @Test
  void limitsTenantsAndTokenRequests() {
    ApiClient api = new ApiClient(port);
    ServiceKey key = TestData.bootstrapKey(DATA_DIR);
    String token = api.token(key);

    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/v2/admin/dockerRegistrySecrets", token).status()).isEqualTo(200);
    }
    Response limited = api.get("/v2/admin/dockerRegistrySecrets", token);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("TooManyRequests");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();

    for (int i = 0; i < 3; i++) {
      assertThat(api.tokenResponse(key.clientid(), "wrong-" + i).status()).isEqualTo(401);
    }
    Response throttled = api.tokenResponse(key.clientid(), key.clientsecret());
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotNull();
    assertThat(throttled.body()).doesNotContain(key.clientsecret());
  }
}

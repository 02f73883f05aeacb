package org.registrysecrets.server.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.registrysecrets.api.wire.ServiceKey;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One real server on a random port, with its own data folder, shared by the test classes that
 * extend this (Spring caches the context). Tests keep out of each other's way by using their own
 * tenants and unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTestBase {

  protected static final Path DATA_DIR = TestData.newDataDir("api");

  @LocalServerPort protected int port;

  protected ApiClient api;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> "admin-password-for-tests");
    // Every test client is 127.0.0.1 and the contention tests are a crowd of one tenant;
    // RateLimitApiTests checks the limits on their own.
    registry.add("regsecrets.api.token-requests-per-second", () -> "0");
    registry.add("regsecrets.api.tenant-requests-per-second", () -> "0");
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  protected ServiceKey bootstrapKey() {
    return TestData.bootstrapKey(DATA_DIR);
  }

  /** A new service key for {@code tenant} with {@code role}, made through the platform API. */
  protected ServiceKey serviceKey(String tenant, String role) {
    String admin = api.token(bootstrapKey());
    ApiClient.Response response =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"" + tenant + "\",\"role\":\"" + role + "\",\"description\":\"test\"}");
    if (response.status() != 201) {
      throw new IllegalStateException("No service key: " + response);
    }
    return ApiClient.JSON.readValue(response.body(), ServiceKey.class);
  }

  /** A token of a new {@code role} key in {@code tenant}. */
  protected String token(String tenant, String role) {
    return api.token(serviceKey(tenant, role));
  }
}

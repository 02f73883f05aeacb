package org.registrysecrets.server.support;

import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

/**
 * The life of a secret in the crash tests, as steps: 0 creates it, 1 and 2 edit it, 3 deletes it.
 * Edits and the delete carry {@code If-Match} with the version the step expects, so a step sent
 * again after an unknown outcome is refused instead of applied twice.
 */
public final class SecretLifecycle {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  private SecretLifecycle() {}

  /** Sends step {@code step} of secret {@code name}; returns the status. */
  public static int send(ApiClient api, String token, String name, int step) {
    String ifMatch = "\"" + step + "\"";
    return switch (step) {
      case 0 -> api.post(SECRETS, token, createBody(name, dockerConfig("r.io", "u", "p"))).status();
      case 1, 2 ->
          api.patch(
                  SECRETS + "/" + name,
                  token,
                  patchBody(dockerConfig("r.io", "u", "p-" + step)),
                  "If-Match",
                  ifMatch)
              .status();
      default -> api.delete(SECRETS + "/" + name, token, "If-Match", ifMatch).status();
    };
  }
}

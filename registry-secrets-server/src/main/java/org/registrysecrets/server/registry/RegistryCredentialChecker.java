package org.registrysecrets.server.registry;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.RegistryCredential;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.server.outbound.NameResolver;

/**
 * Logs in to each registry of a Docker config the way {@code docker login} does: {@code GET /v2/};
 * on a Basic challenge, again with the credentials; on a Bearer challenge, a token from the realm
 * with the credentials, then {@code GET /v2/} with it. All registries are checked in parallel
 * within {@code regsecrets.verify.timeout}, through {@link RegistryHttp}'s guarded client.
 */
public class RegistryCredentialChecker {

  private final RegistryHttp http;

  RegistryCredentialChecker(RegistryHttp http) {
    this.http = http;
  }

  /**
   * @param names resolves host names; tests pass their own so that no packet leaves loopback
   */
  RegistryCredentialChecker(VerifyProperties properties, NameResolver names) {
    this(new RegistryHttp(properties, names));
  }

  /** Checks every registry of {@code config}; one result per {@code auths} entry, in order. */
  public List<RegistryCheckResult> check(DockerConfigJson config) {
    return http.inParallel(
        config.credentials(),
        this::check,
        (entry, reason) -> result(entry, RegistryCheckResult.UNREACHABLE, reason));
  }

  private RegistryCheckResult check(RegistryCredential entry) {
    RegistryKey key = RegistryKey.parse(entry.registry());
    try {
      String base = http.baseUrl(key);
      RegistryHttp.Answer probe = http.get(URI.create(base + "/v2/"), null);
      if (probe.status() == 200) {
        return probe.isRegistry()
            ? result(
                entry, RegistryCheckResult.ANONYMOUS, "the registry answers without credentials")
            : result(
                entry,
                RegistryCheckResult.NOT_A_REGISTRY,
                "GET /v2/ answered 200 without a registry header");
      }
      AuthenticateChallenge challenge = AuthenticateChallenge.parse(probe.authenticate());
      if (probe.status() != 401 || challenge == null) {
        return result(
            entry,
            RegistryCheckResult.NOT_A_REGISTRY,
            "GET /v2/ answered " + probe.status() + ", not a registry login challenge");
      }
      String basic = entry.basicAuthorization();
      if (basic == null) {
        return result(
            entry,
            RegistryCheckResult.INVALID_CREDENTIALS,
            "the registry wants credentials, and the entry has no user name and password");
      }
      if (challenge.scheme().equals("basic")) {
        return loggedIn(entry, http.get(URI.create(base + "/v2/"), basic), "user name or password");
      }
      if (challenge.scheme().equals("bearer")) {
        String token = http.bearerToken(challenge, entry.username(), basic, null);
        return loggedIn(entry, http.get(URI.create(base + "/v2/"), "Bearer " + token), "token");
      }
      return result(
          entry,
          RegistryCheckResult.NOT_A_REGISTRY,
          "unknown authentication scheme " + RegistryHttp.printable(challenge.scheme()));
    } catch (IOException | RuntimeException e) {
      RegistryHttp.Refusal refusal = http.failure(e, key.host());
      return result(entry, status(refusal.kind()), refusal.reason());
    }
  }

  private static String status(RegistryHttp.Refusal.Kind refusal) {
    return switch (refusal) {
      case TLS -> RegistryCheckResult.TLS_ERROR;
      case CREDENTIALS -> RegistryCheckResult.INVALID_CREDENTIALS;
      case PROTOCOL -> RegistryCheckResult.NOT_A_REGISTRY;
      case UNREACHABLE -> RegistryCheckResult.UNREACHABLE;
    };
  }

  private static RegistryCheckResult loggedIn(
      RegistryCredential entry, RegistryHttp.Answer answer, String what) {
    if (answer.status() == 200) {
      return result(entry, RegistryCheckResult.VALID, "logged in");
    }
    if (answer.status() == 401 || answer.status() == 403) {
      return result(
          entry, RegistryCheckResult.INVALID_CREDENTIALS, "the registry refused the " + what);
    }
    return result(
        entry,
        RegistryCheckResult.NOT_A_REGISTRY,
        "GET /v2/ with credentials answered " + answer.status());
  }

  private static RegistryCheckResult result(
      RegistryCredential entry, String status, String reason) {
    return new RegistryCheckResult(entry.registry(), status, reason);
  }
}

package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.registry.RegistryCredentialChecker;
import org.registrysecrets.server.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Checks credentials against their registries before they are stored, and re-checks stored ones.
 * The network calls happen outside any database transaction.
 */
@Service
public class CredentialCheck {

  private final RegistryCredentialChecker checker;
  private final DockerRegistrySecretService secrets;
  private final Clock clock = Clock.systemUTC();

  CredentialCheck(RegistryCredentialChecker checker, DockerRegistrySecretService secrets) {
    this.checker = checker;
    this.secrets = secrets;
  }

  /**
   * @throws CredentialCheckFailedException if any registry's result is not {@code valid} or {@code
   *     anonymous}
   */
  public RegistryVerification require(DockerConfigJson config) {
    RegistryVerification verification = run(config);
    if (!verification.acceptable()) {
      throw new CredentialCheckFailedException(verification.results());
    }
    return verification;
  }

  /** Checks a stored secret again and records the result, good or bad. */
  public RegistryVerification recheck(Caller caller, SecretName name) {
    RegistryVerification verification = run(secrets.config(caller.tenant(), name));
    secrets.recordVerification(caller, name, verification);
    return verification;
  }

  private RegistryVerification run(DockerConfigJson config) {
    return new RegistryVerification(
        clock.instant().truncatedTo(ChronoUnit.MILLIS), checker.check(config));
  }
}

package org.registrysecrets.server.secret;

import java.util.List;
import org.registrysecrets.api.wire.RegistryCheckResult;

/** Checking the credentials against their registries found a problem, so nothing was stored. */
public class CredentialCheckFailedException extends SecretException {

  private static final long serialVersionUID = 1L;

  private final transient List<RegistryCheckResult> results;

  public CredentialCheckFailedException(List<RegistryCheckResult> results) {
    super(
        SecretRefusal.CREDENTIAL_CHECK_FAILED,
        "The credentials did not pass the check with the registry: "
            + String.join(
                "; ",
                results.stream()
                    .filter(result -> !result.acceptable())
                    .map(
                        result ->
                            result.registry()
                                + " is "
                                + result.status()
                                + " ("
                                + result.reason()
                                + ")")
                    .toList())
            + ". Nothing was stored.");
    this.results = List.copyOf(results);
  }

  public List<RegistryCheckResult> results() {
    return results;
  }
}

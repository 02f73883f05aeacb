package org.registrysecrets.server.source;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.wire.CredentialSourceRequest;

/**
 * A long-lived cloud credential that registry logins are derived from. Its secret parts are {@link
 * Plaintext}: they never print, and become text only in the vendor SDK call that sends them.
 */
public sealed interface CredentialSource {

  /** {@code ecr}, {@code gar}, {@code acr} or {@code github-app}, as in the API. */
  String type();

  /** What the source is, for people: type and non-secret identifiers; never a credential. */
  String label();

  /**
   * Amazon ECR: an IAM access key, optionally assuming a role through STS first.
   *
   * @param registryIds account ids of the registries; empty for the caller's own
   */
  record Ecr(
      String region,
      String accessKeyId,
      Plaintext secretAccessKey,
      @Nullable String roleArn,
      List<String> registryIds)
      implements CredentialSource {

    public Ecr {
      registryIds = List.copyOf(registryIds);
    }

    @Override
    public String type() {
      return CredentialSourceRequest.ECR;
    }

    @Override
    public String label() {
      return "ecr " + region;
    }
  }

  /** Google Artifact Registry: a service account's JSON key, for these registry hosts. */
  record Gar(Plaintext serviceAccountKey, String clientEmail, List<String> registries)
      implements CredentialSource {

    public Gar {
      registries = List.copyOf(registries);
    }

    @Override
    public String type() {
      return CredentialSourceRequest.GAR;
    }

    @Override
    public String label() {
      return "gar " + clientEmail;
    }
  }

  /** Azure Container Registry: an Entra application's client secret, for one registry. */
  record Acr(String tenantId, String clientId, Plaintext clientSecret, String registry)
      implements CredentialSource {

    @Override
    public String type() {
      return CredentialSourceRequest.ACR;
    }

    @Override
    public String label() {
      return "acr " + registry;
    }
  }

  /** A GitHub App's installation, whose tokens log in to {@code ghcr.io}. */
  record GitHubApp(String appId, String installationId, Plaintext privateKey, String registry)
      implements CredentialSource {

    @Override
    public String type() {
      return CredentialSourceRequest.GITHUB_APP;
    }

    @Override
    public String label() {
      return "github-app " + appId + "/" + installationId;
    }
  }
}

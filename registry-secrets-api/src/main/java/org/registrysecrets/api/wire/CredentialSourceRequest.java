package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The additive {@code "source"} of a create or patch body (Registry Secrets only): instead of a
 * static {@code data}, the long-lived cloud credential from which the server derives short-lived
 * registry logins and renews them. Write-only: no response ever carries these fields. Each {@code
 * type} takes its own fields and refuses the others.
 *
 * <pre>
 * {"type": "ecr", "region": "eu-central-1", "accessKeyId": "AKIA…", "secretAccessKey": "…",
 *  "roleArn": "arn:aws:iam::123456789012:role/puller", "registryIds": ["123456789012"]}
 * {"type": "gar", "serviceAccountKey": "{…service account JSON key…}",
 *  "registries": ["europe-docker.pkg.dev"]}
 * {"type": "acr", "tenantId": "…", "clientId": "…", "clientSecret": "…",
 *  "registries": ["myregistry.azurecr.io"]}
 * {"type": "github-app", "appId": "12345", "installationId": "67890",
 *  "privateKey": "-----BEGIN RSA PRIVATE KEY-----…"}
 * </pre>
 *
 * @param type {@code ecr}, {@code gar}, {@code acr} or {@code github-app}
 * @param region ecr: the AWS region of the registries
 * @param accessKeyId ecr: the IAM access key id
 * @param secretAccessKey ecr: the IAM secret access key
 * @param roleArn ecr, optional: a role that the access key assumes with STS first
 * @param registryIds ecr, optional: the AWS account ids of the registries (default: the caller's)
 * @param serviceAccountKey gar: the service account's JSON key, as a string
 * @param registries gar: the Artifact Registry hosts ({@code europe-docker.pkg.dev}); acr: the
 *     registry ({@code name.azurecr.io}); github-app: optional, default {@code ghcr.io}
 * @param tenantId acr: the Microsoft Entra tenant
 * @param clientId acr: the application (client) id
 * @param clientSecret acr: the application's client secret
 * @param appId github-app: the GitHub App's id
 * @param installationId github-app: the installation's id
 * @param privateKey github-app: the App's private key (PEM)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialSourceRequest(
    @Nullable String type,
    @Nullable String region,
    @Nullable String accessKeyId,
    @Nullable String secretAccessKey,
    @Nullable String roleArn,
    @Nullable List<String> registryIds,
    @Nullable String serviceAccountKey,
    @Nullable List<String> registries,
    @Nullable String tenantId,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String appId,
    @Nullable String installationId,
    @Nullable String privateKey) {

  public static final String ECR = "ecr";
  public static final String GAR = "gar";
  public static final String ACR = "acr";
  public static final String GITHUB_APP = "github-app";
  public static final List<String> TYPES = List.of(ECR, GAR, ACR, GITHUB_APP);

  /** An ECR source with an access key, optionally assuming a role. */
  public static CredentialSourceRequest ecr(
      String region,
      String accessKeyId,
      String secretAccessKey,
      @Nullable String roleArn,
      @Nullable List<String> registryIds) {
    return new CredentialSourceRequest(
        ECR,
        region,
        accessKeyId,
        secretAccessKey,
        roleArn,
        registryIds,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A Google Artifact Registry source: a service account key for these hosts. */
  public static CredentialSourceRequest gar(String serviceAccountKey, List<String> registries) {
    return new CredentialSourceRequest(
        GAR,
        null,
        null,
        null,
        null,
        null,
        serviceAccountKey,
        registries,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** An Azure Container Registry source: an Entra application for one registry. */
  public static CredentialSourceRequest acr(
      String tenantId, String clientId, String clientSecret, String registry) {
    return new CredentialSourceRequest(
        ACR,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(registry),
        tenantId,
        clientId,
        clientSecret,
        null,
        null,
        null);
  }

  /** A GitHub App installation, for {@code ghcr.io} unless {@code registry} says otherwise. */
  public static CredentialSourceRequest gitHubApp(
      String appId, String installationId, String privateKey, @Nullable String registry) {
    return new CredentialSourceRequest(
        GITHUB_APP,
        null,
        null,
        null,
        null,
        null,
        null,
        registry == null ? null : List.of(registry),
        null,
        null,
        null,
        appId,
        installationId,
        privateKey);
  }

  @Override
  public String toString() {
    return "CredentialSourceRequest[type=" + type + ", credentials=****]";
  }
}

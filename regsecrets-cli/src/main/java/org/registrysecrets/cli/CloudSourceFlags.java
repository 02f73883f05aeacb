package org.registrysecrets.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import picocli.CommandLine.Option;

/**
 * The flags of the four cloud credential sources: the server derives short-lived logins from them
 * and renews them. Secrets come from stdin, an environment variable or a prompt, never a flag.
 */
final class CloudSourceFlags {

  private CloudSourceFlags() {}

  /** Amazon ECR: an IAM access key, optionally assuming a role. */
  static final class Ecr {

    @Option(names = "--ecr-region", paramLabel = "REGION", required = true)
    String region = "";

    @Option(names = "--aws-access-key-id", paramLabel = "ID", required = true)
    String accessKeyId = "";

    @Option(
        names = "--aws-secret-access-key-stdin",
        description = "Read the secret access key from stdin (else $AWS_SECRET_ACCESS_KEY).")
    boolean secretStdin;

    @Option(
        names = "--aws-role-arn",
        paramLabel = "ARN",
        description = "A role the access key assumes first.")
    @Nullable String roleArn;

    @Option(
        names = "--ecr-registry-id",
        paramLabel = "ACCOUNT",
        description = "The registries' account ids (repeatable; default: the key's own).")
    List<String> registryIds = new ArrayList<>();

    CredentialSourceRequest request(CliEnvironment environment) {
      return CredentialSourceRequest.ecr(
          region,
          accessKeyId,
          Secrets.read(
              environment,
              secretStdin,
              "AWS_SECRET_ACCESS_KEY",
              "AWS secret access key for " + accessKeyId + ": ",
              "--aws-secret-access-key-stdin"),
          roleArn,
          registryIds.isEmpty() ? null : registryIds);
    }
  }

  /** Google Artifact Registry: a service account's JSON key. */
  static final class Gar {

    @Option(names = "--gar-key-file", paramLabel = "FILE", required = true)
    Path keyFile = Path.of("");

    @Option(
        names = "--gar-registry",
        paramLabel = "HOST",
        required = true,
        description = "An Artifact Registry host such as europe-docker.pkg.dev (repeatable).")
    List<String> registries = new ArrayList<>();

    CredentialSourceRequest request() {
      return CredentialSourceRequest.gar(DockerConfigOptions.read(keyFile), registries);
    }
  }

  /** Azure Container Registry: a Microsoft Entra application. */
  static final class Acr {

    @Option(names = "--acr-registry", paramLabel = "HOST", required = true)
    String registry = "";

    @Option(names = "--acr-tenant-id", paramLabel = "TENANT", required = true)
    String tenantId = "";

    @Option(names = "--acr-client-id", paramLabel = "ID", required = true)
    String clientId = "";

    @Option(
        names = "--acr-client-secret-stdin",
        description = "Read the client secret from stdin (else $AZURE_CLIENT_SECRET).")
    boolean secretStdin;

    CredentialSourceRequest request(CliEnvironment environment) {
      return CredentialSourceRequest.acr(
          tenantId,
          clientId,
          Secrets.read(
              environment,
              secretStdin,
              "AZURE_CLIENT_SECRET",
              "Client secret of " + clientId + ": ",
              "--acr-client-secret-stdin"),
          registry);
    }
  }

  /** A GitHub App installation, for ghcr.io. */
  static final class GitHubApp {

    @Option(names = "--github-app-id", paramLabel = "ID", required = true)
    String appId = "";

    @Option(names = "--github-app-installation-id", paramLabel = "ID", required = true)
    String installationId = "";

    @Option(
        names = "--github-app-key-file",
        paramLabel = "FILE",
        required = true,
        description = "The App's private key (PEM).")
    Path keyFile = Path.of("");

    @Option(
        names = "--github-registry",
        paramLabel = "HOST",
        description = "The registry (default ghcr.io).")
    @Nullable String registry;

    CredentialSourceRequest request() {
      return CredentialSourceRequest.gitHubApp(
          appId, installationId, DockerConfigOptions.read(keyFile), registry);
    }
  }
}

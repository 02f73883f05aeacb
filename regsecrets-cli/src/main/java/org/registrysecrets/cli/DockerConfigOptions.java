package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.dockerconfig.DockerConfigInput;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a secret's Docker config comes from: kubectl's {@code --docker-*} flags, a file in any form
 * users receive, or {@code ~/.docker/config.json}.
 */
final class DockerConfigOptions {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source = new Source();

  @Option(
      names = "--registry",
      paramLabel = "HOST",
      description = "With --from-docker-config: import only these registries (repeatable).")
  List<String> registries = new ArrayList<>();

  /** Exactly one input form. */
  static final class Source {

    @ArgGroup(
        exclusive = false,
        heading = "Credentials, as with kubectl create secret docker-registry:%n")
    @Nullable DockerFlags flags;

    @Option(
        names = "--from-file",
        paramLabel = "FILE",
        description =
            "A file with the Docker config in any form: {\"auths\":...}, the data object"
                + " {\".dockerconfigjson\":\"...\"}, base64 of either, or a legacy .dockercfg.")
    @Nullable Path fromFile;

    @Option(
        names = "--from-docker-config",
        paramLabel = "PATH",
        arity = "0..1",
        fallbackValue = "",
        description = "Import entries from a Docker config (default ~/.docker/config.json).")
    @Nullable String fromDockerConfig;

    @ArgGroup(
        exclusive = false,
        heading = "Or logins the server derives and renews, from an AWS access key (Amazon ECR):%n")
    CloudSourceFlags.@Nullable Ecr ecr;

    @ArgGroup(
        exclusive = false,
        heading = "... from a service account key (Google Artifact Registry):%n")
    CloudSourceFlags.@Nullable Gar gar;

    @ArgGroup(
        exclusive = false,
        heading = "... from a Microsoft Entra application (Azure Container Registry):%n")
    CloudSourceFlags.@Nullable Acr acr;

    @ArgGroup(exclusive = false, heading = "... from a GitHub App (ghcr.io):%n")
    CloudSourceFlags.@Nullable GitHubApp gitHubApp;
  }

  /** The cloud credential the flags give, or {@code null} for a static Docker config. */
  @Nullable CredentialSourceRequest credentialSource(CliEnvironment environment) {
    if (source.ecr != null) {
      return source.ecr.request(environment);
    }
    if (source.gar != null) {
      return source.gar.request();
    }
    if (source.acr != null) {
      return source.acr.request(environment);
    }
    return source.gitHubApp == null ? null : source.gitHubApp.request();
  }

  /** kubectl's flags for one registry. */
  static final class DockerFlags {

    @Option(
        names = "--docker-server",
        paramLabel = "SERVER",
        description = "Registry (default " + RegistryKey.DOCKER_HUB + ").")
    @Nullable String server;

    @Option(names = "--docker-username", paramLabel = "USER", required = true)
    String username = "";

    @Option(
        names = "--docker-password",
        paramLabel = "PASSWORD",
        description = "Visible to other processes; prefer --docker-password-stdin.")
    @Nullable String password;

    @Option(names = "--docker-password-stdin", description = "Read the password from stdin.")
    boolean passwordStdin;

    @Option(names = "--docker-email", paramLabel = "EMAIL")
    @Nullable String email;
  }

  /** The {@code .dockerconfigjson} value to send, after local checks; notes go to {@code err}. */
  String dockerConfigJson(CliEnvironment environment, PrintWriter err) {
    if (!registries.isEmpty() && source.fromDockerConfig == null) {
      throw new UsageException("--registry only goes with --from-docker-config.");
    }
    String json;
    if (source.flags != null) {
      json = fromFlags(source.flags, environment, err);
    } else if (source.fromFile != null) {
      DockerConfigInput.Normalized normalized = DockerConfigInput.normalize(read(source.fromFile));
      normalized.warnings().forEach(warning -> err.println("warning: " + warning));
      json = normalized.dockerConfigJson();
    } else {
      String path = source.fromDockerConfig;
      json =
          DockerConfigImport.fromFile(
              path == null || path.isEmpty()
                  ? environment.home().resolve(".docker").resolve("config.json")
                  : Path.of(path),
              registries);
    }
    return json;
  }

  private static String fromFlags(DockerFlags flags, CliEnvironment environment, PrintWriter err) {
    String password;
    if (flags.passwordStdin) {
      if (flags.password != null) {
        throw new UsageException("Give --docker-password or --docker-password-stdin, not both.");
      }
      password = Secrets.stdin(environment);
    } else if (flags.password != null) {
      err.println(
          "warning: a password on the command line is visible to other processes; use"
              + " --docker-password-stdin.");
      password = flags.password;
    } else if (environment.console() != null) {
      char[] typed = environment.console().readPassword("Password for %s: ", flags.username);
      password = typed == null ? "" : new String(typed);
    } else {
      throw new UsageException(
          "Give the password with --docker-password-stdin (or --docker-password).");
    }
    if (password.isEmpty()) {
      throw new UsageException("The password is empty.");
    }
    ObjectNode entry = Output.JSON.createObjectNode();
    entry.put("username", flags.username).put("password", password);
    if (flags.email != null) {
      entry.put("email", flags.email);
    }
    ObjectNode config = Output.JSON.createObjectNode();
    config
        .putObject("auths")
        .set(flags.server == null ? RegistryKey.DOCKER_HUB : flags.server, entry);
    return config.toString();
  }

  static String read(Path file) {
    return LocalFiles.read(file, LocalFiles.MAX_BYTES);
  }

  static JsonNode readJson(Path file) {
    return Output.JSON.readTree(read(file));
  }
}

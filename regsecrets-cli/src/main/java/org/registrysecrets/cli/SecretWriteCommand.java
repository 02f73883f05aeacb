package org.registrysecrets.cli;

import java.io.PrintWriter;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.dockerconfig.ParsedDockerConfig;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.client.RegistrySecretsClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What create and update share: the name, the input forms, a local check before anything is sent,
 * and {@code --dry-run}, which prints the Kubernetes Secret and calls nothing.
 */
abstract class SecretWriteCommand extends ApiCommand {

  @Mixin DockerConfigOptions input;

  @Parameters(paramLabel = "NAME", description = "The secret's name (it never changes).")
  String name;

  @Option(names = "--dry-run", description = "Print what would be stored and call nothing.")
  boolean dryRun;

  /** json or yaml prints the response, or with {@code --dry-run} the Kubernetes Secret. */
  @Mixin OutputOptions output;

  @Option(
      names = "--verify",
      description = "Check the credentials with each registry first; store nothing if one refuses.")
  boolean verify;

  abstract DockerRegistrySecretChangeResponse send(
      RegistrySecretsClient client, String name, String dockerConfigJson, boolean verify);

  abstract String pastTense();

  @Override
  public Integer call() {
    SecretName.of(name);
    PrintWriter out = out();
    PrintWriter err = err();
    String dockerConfigJson = input.dockerConfigJson(environment(), err);
    ParsedDockerConfig parsed = DockerConfigParser.parse(dockerConfigJson);
    if (dryRun) {
      parsed.warnings().forEach(warning -> err.println("warning: " + warning));
      Object manifest = KubernetesManifest.secret(name, parsed.config());
      if (!output.printStructured(out, manifest)) {
        out.println(summary(" (dry run)"));
      }
      return 0;
    }
    DockerRegistrySecretChangeResponse response = send(client(), name, dockerConfigJson, verify);
    response.warnings().forEach(warning -> err.println("warning: " + warning));
    if (!output.printStructured(out, response)) {
      out.println(summary(""));
    }
    return 0;
  }

  /**
   * kubectl's line: {@code secret/NAME created}, or just {@code secret/NAME} for {@code -o name}.
   */
  private String summary(String suffix) {
    return output.names() ? "secret/" + name : "secret/" + name + " " + pastTense() + suffix;
  }
}

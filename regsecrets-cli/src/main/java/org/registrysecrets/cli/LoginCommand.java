package org.registrysecrets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.ServiceKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Checks a service key by getting a token with it, then saves it as a profile. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = "Save a service key as a profile.")
final class LoginCommand implements Callable<Integer> {

  @ParentCommand Regsecrets root;
  @Spec CommandSpec spec;

  @Option(
      names = "--service-key",
      paramLabel = "FILE",
      required = true,
      description = "The service key JSON file.")
  Path serviceKeyFile;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = Profiles.DEFAULT,
      description = "Profile name (default: ${DEFAULT-VALUE}).")
  String profile;

  @Override
  public Integer call() {
    ServiceKey key = ServiceKeys.parse(DockerConfigOptions.read(serviceKeyFile));
    RegistrySecretsClient.create(key).tokens().token();
    Profiles profiles = new Profiles(root.environment.configDir());
    profiles.save(profile, key);
    spec.commandLine()
        .getOut()
        .println(
            "Logged in: profile \""
                + profile
                + "\" uses "
                + key.serviceurls().aiApiUrl()
                + " (saved to "
                + profiles.file(profile)
                + ")");
    return 0;
  }
}

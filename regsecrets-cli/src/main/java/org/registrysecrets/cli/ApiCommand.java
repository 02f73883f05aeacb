package org.registrysecrets.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.registrysecrets.client.RegistrySecretsClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls the API with the chosen service key and prints to the command's streams. */
abstract class ApiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  CliEnvironment environment() {
    return ((Regsecrets) spec.root().userObject()).environment;
  }

  RegistrySecretsClient client() {
    return connection.client(environment());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}

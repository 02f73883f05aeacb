package org.registrysecrets.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the AI API, the token issuer and the secret store on the embedded default. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrySecretsApplication {

  public static void main(String[] args) {
    SpringApplication.run(RegistrySecretsApplication.class, args);
  }
}

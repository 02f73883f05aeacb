package org.registrysecrets.server;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts the AI API, the token issuer and the secret store on the embedded default. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrySecretsApplication {

  /** The clock timestamps come from; tests may set their own. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(RegistrySecretsApplication.class, args);
  }
}

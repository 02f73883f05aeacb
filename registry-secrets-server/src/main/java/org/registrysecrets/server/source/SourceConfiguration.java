package org.registrysecrets.server.source;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The exchange, built on first use: a server without credential sources never loads an SDK. */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

  @Bean
  @Lazy
  CredentialExchange credentialExchange(SourceProperties properties, Clock clock) {
    return new CredentialExchange(properties, clock);
  }

  @Bean
  CredentialSources credentialSources(SourceProperties properties) {
    return new CredentialSources(properties.acrRegistrySuffixes());
  }
}

package org.registrysecrets.server.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The credential checker, resolving names with the system resolver. */
@Configuration(proxyBeanMethods = false)
class RegistryCheckConfiguration {

  @Bean
  RegistryCredentialChecker registryCredentialChecker(VerifyProperties properties) {
    return new RegistryCredentialChecker(properties, NameResolver.SYSTEM);
  }
}

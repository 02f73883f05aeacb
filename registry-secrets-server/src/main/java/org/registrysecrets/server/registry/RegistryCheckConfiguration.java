package org.registrysecrets.server.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry checks, resolving names with the system resolver, sharing one guarded client. */
@Configuration(proxyBeanMethods = false)
class RegistryCheckConfiguration {

  @Bean
  RegistryCredentialChecker registryCredentialChecker(VerifyProperties properties) {
    return new RegistryCredentialChecker(new RegistryHttp(properties, NameResolver.SYSTEM));
  }
}

package org.registrysecrets.server.registry;

import org.registrysecrets.server.outbound.NameResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry checks, resolving names with the system resolver, sharing one guarded client. */
@Configuration(proxyBeanMethods = false)
class RegistryCheckConfiguration {

  @Bean
  RegistryHttp registryHttp(VerifyProperties properties) {
    return new RegistryHttp(properties, NameResolver.SYSTEM);
  }

  @Bean
  RegistryCredentialChecker registryCredentialChecker(RegistryHttp registryHttp) {
    return new RegistryCredentialChecker(registryHttp);
  }

  @Bean
  PullChecker pullChecker(RegistryHttp registryHttp) {
    return new PullChecker(registryHttp);
  }
}

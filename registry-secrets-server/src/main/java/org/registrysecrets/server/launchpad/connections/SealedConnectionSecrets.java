package org.registrysecrets.server.launchpad.connections;

import org.registrysecrets.server.crypto.SealedRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connections' client secrets, for a data key rotation. */
@Configuration(proxyBeanMethods = false)
class SealedConnectionSecrets {

  @Bean
  SealedRows sealedClientSecrets(ConnectionRepository connections) {
    return connections.sealedRows();
  }
}

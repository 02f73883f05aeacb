package org.registrysecrets.server.secret;

import java.util.List;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.server.crypto.CipherContext;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SealedRows;
import org.registrysecrets.server.crypto.SealedTable;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secrets' sealed tables, for a data key rotation: current contents, kept versions and
 * credential sources.
 */
@Configuration(proxyBeanMethods = false)
class SealedSecretTables {

  @Bean
  SealedRows sealedSecrets(JdbcClient jdbc, SecretCipher cipher) {
    return new SealedTable(
        jdbc,
        "docker_registry_secret",
        "ciphertext",
        List.of("tenant", "name"),
        (key, stored) -> reseal(cipher, key, stored));
  }

  @Bean
  SealedRows sealedSecretVersions(JdbcClient jdbc, SecretCipher cipher) {
    return new SealedTable(
        jdbc,
        "secret_version",
        "ciphertext",
        List.of("tenant", "secret_name", "version"),
        (key, stored) -> reseal(cipher, key, stored));
  }

  @Bean
  SealedRows sealedCredentialSources(JdbcClient jdbc, SecretCipher cipher) {
    return new SealedTable(
        jdbc,
        "credential_source",
        "ciphertext",
        List.of("tenant", "secret_name"),
        (key, stored) -> {
          CipherContext context =
              DockerRegistrySecretChanges.sourceContext(
                  TenantId.of((String) key.get(0)), SecretName.of((String) key.get(1)));
          return cipher.encrypt(cipher.decrypt(stored, context), context);
        });
  }

  /** A secret's content is bound to its tenant and name, whichever table holds it. */
  private static Ciphertext reseal(SecretCipher cipher, List<Object> key, Ciphertext stored) {
    TenantId tenant = TenantId.of((String) key.get(0));
    SecretName name = SecretName.of((String) key.get(1));
    return cipher.encrypt(cipher.decrypt(stored, tenant, name), tenant, name);
  }
}

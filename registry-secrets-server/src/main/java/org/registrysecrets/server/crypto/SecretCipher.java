package org.registrysecrets.server.crypto;

import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.server.tenant.TenantId;

/**
 * Seals credentials for storage and opens them again. What a value belongs to (tenant and secret
 * name, or connection name) is bound to its ciphertext, so a row copied elsewhere does not decrypt.
 */
public interface SecretCipher {

  Ciphertext encrypt(DockerConfigJson config, TenantId tenant, SecretName name);

  /**
   * @throws SecretDecryptionException if the ciphertext was not sealed for this tenant and name
   */
  DockerConfigJson decrypt(Ciphertext ciphertext, TenantId tenant, SecretName name);

  /** Seals another credential, e.g. a connection's client secret, for its context. */
  Ciphertext encrypt(Plaintext credential, CipherContext context);

  /**
   * @throws SecretDecryptionException if the ciphertext was not sealed for this context
   */
  Plaintext decrypt(Ciphertext ciphertext, CipherContext context);
}

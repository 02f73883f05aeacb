package org.registrysecrets.server.crypto;

import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;

/**
 * Seals a Docker config for storage and opens it again. The tenant and name are bound to the
 * ciphertext, so a row copied to another name or tenant does not decrypt.
 */
public interface SecretCipher {

  Ciphertext encrypt(DockerConfigJson config, String tenant, SecretName name);

  /**
   * @throws SecretDecryptionException if the ciphertext was not sealed for this tenant and name
   */
  DockerConfigJson decrypt(Ciphertext ciphertext, String tenant, SecretName name);
}

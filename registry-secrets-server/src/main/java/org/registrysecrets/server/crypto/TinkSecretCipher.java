package org.registrysecrets.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.server.tenant.TenantId;

/**
 * AES-256-GCM through a Tink keyset. Tink prefixes each ciphertext with the id of its key, so a
 * rotated keyset still opens older rows.
 */
public class TinkSecretCipher implements SecretCipher {

  private static final String DOCKER_CONFIG = "docker-config/v1";

  /** The primitive and its primary key, swapped together when the keyset changes. */
  private record Keys(Aead aead, long primaryKeyId) {}

  private volatile Keys keys;

  public TinkSecretCipher(KeysetHandle keyset) throws GeneralSecurityException {
    AeadConfig.register();
    this.keys = keysOf(keyset);
  }

  /** Seals with {@code keyset}'s primary from now on; opens whatever its enabled keys sealed. */
  void use(KeysetHandle keyset) throws GeneralSecurityException {
    this.keys = keysOf(keyset);
  }

  /** The id of the key new ciphertexts are sealed with. */
  long primaryKeyId() {
    return keys.primaryKeyId();
  }

  private static Keys keysOf(KeysetHandle keyset) throws GeneralSecurityException {
    return new Keys(
        keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
        Integer.toUnsignedLong(keyset.getPrimary().getId()));
  }

  @Override
  public Ciphertext encrypt(DockerConfigJson config, TenantId tenant, SecretName name) {
    return seal(config.utf8(), associatedData(DOCKER_CONFIG, tenant.value(), name.value()));
  }

  @Override
  public DockerConfigJson decrypt(Ciphertext ciphertext, TenantId tenant, SecretName name) {
    byte[] plaintext =
        open(
            ciphertext,
            associatedData(DOCKER_CONFIG, tenant.value(), name.value()),
            "secret " + name);
    return DockerConfigJson.fromTrustedUtf8(plaintext);
  }

  @Override
  public Ciphertext encrypt(Plaintext credential, CipherContext context) {
    return seal(credential.utf8(), associatedData(context.purpose(), context.owner(), ""));
  }

  @Override
  public Plaintext decrypt(Ciphertext ciphertext, CipherContext context) {
    return Plaintext.ofUtf8(
        open(
            ciphertext,
            associatedData(context.purpose(), context.owner(), ""),
            context.purpose() + " of " + context.owner()));
  }

  private Ciphertext seal(byte[] plaintext, byte[] associatedData) {
    try {
      Keys current = keys;
      return new Ciphertext(
          current.aead().encrypt(plaintext, associatedData), current.primaryKeyId());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  private byte[] open(Ciphertext ciphertext, byte[] associatedData, String what) {
    try {
      return keys.aead().decrypt(ciphertext.bytes(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException(
          "The stored " + what + " does not open with this keyset and owner", e);
    }
  }

  /**
   * A fixed prefix, the purpose and two owner ids, each length-prefixed so that no two tuples
   * produce the same bytes.
   */
  static byte[] associatedData(String purpose, String first, String second) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String part : new String[] {"registry-secrets", purpose, first, second}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}

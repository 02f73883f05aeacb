package org.registrysecrets.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;

/**
 * AES-256-GCM through a Tink keyset. Tink prefixes each ciphertext with the id of its key, so a
 * rotated keyset still opens older rows.
 */
public class TinkSecretCipher implements SecretCipher {

  private static final byte[] CONTEXT =
      "registry-secrets/docker-config/v1".getBytes(StandardCharsets.UTF_8);

  private final Aead aead;
  private final long primaryKeyId;

  public TinkSecretCipher(KeysetHandle keyset) throws GeneralSecurityException {
    AeadConfig.register();
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.primaryKeyId = Integer.toUnsignedLong(keyset.getPrimary().getId());
  }

  @Override
  public Ciphertext encrypt(DockerConfigJson config, String tenant, SecretName name) {
    try {
      return new Ciphertext(
          aead.encrypt(config.utf8(), associatedData(tenant, name)), primaryKeyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  @Override
  public DockerConfigJson decrypt(Ciphertext ciphertext, String tenant, SecretName name) {
    byte[] plaintext;
    try {
      plaintext = aead.decrypt(ciphertext.bytes(), associatedData(tenant, name));
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException(
          "The stored secret " + name + " does not open with this keyset, tenant and name", e);
    }
    return DockerConfigJson.fromTrustedJson(new String(plaintext, StandardCharsets.UTF_8));
  }

  /** Context, tenant and name, each length-prefixed so that no two pairs produce the same bytes. */
  static byte[] associatedData(String tenant, SecretName name) {
    byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
    byte[] nameBytes = name.value().getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer buffer =
        java.nio.ByteBuffer.allocate(CONTEXT.length + 8 + tenantBytes.length + nameBytes.length);
    buffer
        .put(CONTEXT)
        .putInt(tenantBytes.length)
        .put(tenantBytes)
        .putInt(nameBytes.length)
        .put(nameBytes);
    return buffer.array();
  }
}

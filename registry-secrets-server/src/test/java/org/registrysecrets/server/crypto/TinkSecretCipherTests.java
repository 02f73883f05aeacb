package org.registrysecrets.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.server.instance.DataDirectory;
import org.registrysecrets.server.instance.InstanceProperties;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.tenant.TenantId;

class TinkSecretCipherTests {

  private static final DockerConfigJson CONFIG =
      DockerConfigParser.parse(
              "{\"auths\":{\"r.io\":{\"username\":\"u\",\"password\":\"tink-pw\"}}}")
          .config();
  private static final SecretName NAME = SecretName.of("sealed");

  @BeforeAll
  static void registerAead() throws GeneralSecurityException {
    AeadConfig.register();
  }

  @Test
  void opensWhatItSealedForTheSameTenantAndName() throws Exception {
    TinkSecretCipher cipher = new TinkSecretCipher(store().loadOrCreate());

    Ciphertext sealed = cipher.encrypt(CONFIG, TenantId.of("tenant-a"), NAME);

    assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("tink-pw");
    assertThat(cipher.decrypt(sealed, TenantId.of("tenant-a"), NAME)).isEqualTo(CONFIG);
  }

  @Test
  void refusesARowMovedToAnotherTenantOrName() throws Exception {
    TinkSecretCipher cipher = new TinkSecretCipher(store().loadOrCreate());
    Ciphertext sealed = cipher.encrypt(CONFIG, TenantId.of("tenant-a"), NAME);

    assertThatThrownBy(() -> cipher.decrypt(sealed, TenantId.of("tenant-b"), NAME))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageNotContaining("tink-pw");
    assertThatThrownBy(
            () -> cipher.decrypt(sealed, TenantId.of("tenant-a"), SecretName.of("moved")))
        .isInstanceOf(SecretDecryptionException.class);
  }

  @Test
  void sealsOtherCredentialsForTheirOwnerOnly() throws Exception {
    TinkSecretCipher cipher = new TinkSecretCipher(store().loadOrCreate());

    Ciphertext sealed =
        cipher.encrypt(Plaintext.of("client-secret-1"), new CipherContext("connection", "local"));

    assertThat(cipher.decrypt(sealed, new CipherContext("connection", "local")))
        .isEqualTo(Plaintext.of("client-secret-1"));
    assertThatThrownBy(() -> cipher.decrypt(sealed, new CipherContext("connection", "other")))
        .isInstanceOf(SecretDecryptionException.class);
    assertThatThrownBy(
            () -> cipher.decrypt(sealed, TenantId.of("connection"), SecretName.of("local")))
        .isInstanceOf(SecretDecryptionException.class);
  }

  @Test
  void refusesTamperedBytes() throws Exception {
    TinkSecretCipher cipher = new TinkSecretCipher(store().loadOrCreate());
    byte[] bytes = cipher.encrypt(CONFIG, TenantId.of("tenant-a"), NAME).bytes();
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(
            () -> cipher.decrypt(new Ciphertext(bytes, 0), TenantId.of("tenant-a"), NAME))
        .isInstanceOf(SecretDecryptionException.class);
  }

  @Test
  void keepsOpeningOldRowsAfterARotation() throws Exception {
    KeysetStore store = store();
    KeysetHandle original = store.loadOrCreate();
    Ciphertext old = new TinkSecretCipher(original).encrypt(CONFIG, TenantId.of("tenant-a"), NAME);

    KeysetHandle rotated = store.rotate(original);
    TinkSecretCipher afterRotation = new TinkSecretCipher(store.loadOrCreate());
    Ciphertext fresh = afterRotation.encrypt(CONFIG, TenantId.of("tenant-a"), NAME);

    assertThat(rotated.size()).isEqualTo(2);
    assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
    assertThat(afterRotation.decrypt(old, TenantId.of("tenant-a"), NAME)).isEqualTo(CONFIG);
    assertThat(afterRotation.decrypt(fresh, TenantId.of("tenant-a"), NAME)).isEqualTo(CONFIG);
  }

  @Test
  void bindsTenantAndNameUnambiguously() {
    assertThat(TinkSecretCipher.associatedData("p", "ab", "cd"))
        .isNotEqualTo(TinkSecretCipher.associatedData("p", "a", "bcd"));
  }

  private static KeysetStore store() {
    return new KeysetStore(
        new DataDirectory(new InstanceProperties(TestData.newDataDir("keyset"), null, null)));
  }
}

package org.registrysecrets.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.server.instance.DataDirectory;
import org.registrysecrets.server.instance.InstanceProperties;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.tenant.TenantId;

/**
 * A key-encryption key outside the data folder: with one, {@code keyset.json} holds no key material
 * in the clear and a copy of the data folder opens nothing; an installation switches over with one
 * start, and every value sealed before still opens.
 */
class KeyEncryptionKeyTests {

  private static final DockerConfigJson CONFIG =
      DockerConfigParser.parse("{\"auths\":{\"r.io\":{\"auth\":\"dTpw\"}}}").config();
  private static final TenantId TENANT = TenantId.of("kek");
  private static final SecretName NAME = SecretName.of("wrapped");

  @BeforeAll
  static void tink() throws Exception {
    AeadConfig.register();
  }

  @Test
  void wrapsTheKeysetSoThatTheDataFolderAloneOpensNothing() throws Exception {
    Path dataDir = TestData.newDataDir("kek");
    Aead kek = KeyEncryptionKey.fromFile(kekFile());
    KeysetHandle keyset = new KeysetStore(folder(dataDir), kek, false).loadOrCreate();
    Ciphertext sealed = new TinkSecretCipher(keyset).encrypt(CONFIG, TENANT, NAME);

    String stored = Files.readString(dataDir.resolve(KeysetStore.FILE_NAME));
    assertThat(stored).contains("encryptedKeyset").doesNotContain("\"value\"");
    assertThatThrownBy(
            () -> TinkJsonProtoKeysetFormat.parseKeyset(stored, InsecureSecretKeyAccess.get()))
        .isInstanceOf(Exception.class);
    // Without the key-encryption key, or with another one, the keyset does not open.
    assertThatThrownBy(() -> new KeysetStore(folder(dataDir)).loadOrCreate())
        .hasMessageContaining("REGSECRETS_KEK_FILE");
    Aead other = KeyEncryptionKey.fromFile(kekFile());
    assertThatThrownBy(() -> new KeysetStore(folder(dataDir), other, false).loadOrCreate())
        .isInstanceOf(java.security.GeneralSecurityException.class);
    // With it, it does.
    KeysetHandle reopened = new KeysetStore(folder(dataDir), kek, false).loadOrCreate();
    assertThat(new TinkSecretCipher(reopened).decrypt(sealed, TENANT, NAME)).isEqualTo(CONFIG);
    // Rotations stay wrapped.
    new KeysetStore(folder(dataDir), kek, false).rotate(reopened);
    assertThat(Files.readString(dataDir.resolve(KeysetStore.FILE_NAME)))
        .contains("encryptedKeyset");
  }

  @Test
  void switchesAnExistingInstallationWithOneStart() throws Exception {
    Path dataDir = TestData.newDataDir("kek-switch");
    KeysetHandle plain = new KeysetStore(folder(dataDir)).loadOrCreate();
    Ciphertext sealed = new TinkSecretCipher(plain).encrypt(CONFIG, TENANT, NAME);
    Aead kek = KeyEncryptionKey.fromFile(kekFile());

    assertThatThrownBy(() -> new KeysetStore(folder(dataDir), kek, false).loadOrCreate())
        .hasMessageContaining("--regsecrets.crypto.wrap-keyset=true");
    KeysetHandle wrapped = new KeysetStore(folder(dataDir), kek, true).loadOrCreate();

    assertThat(Files.readString(dataDir.resolve(KeysetStore.FILE_NAME)))
        .contains("encryptedKeyset");
    assertThat(new TinkSecretCipher(wrapped).decrypt(sealed, TENANT, NAME)).isEqualTo(CONFIG);
  }

  @Test
  void refusesAKeyFileThatIsNot32BytesOfBase64() throws Exception {
    Path shortKey = Files.createTempFile("kek-", ".b64");
    Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
    Path notBase64 = Files.createTempFile("kek-", ".txt");
    Files.writeString(notBase64, "not base64 at all!");

    assertThatThrownBy(() -> KeyEncryptionKey.fromFile(shortKey)).hasMessageContaining("not 32");
    assertThatThrownBy(() -> KeyEncryptionKey.fromFile(notBase64))
        .hasMessageContaining("not base64");
  }

  /** A key file as the README makes it: {@code head -c 32 /dev/urandom | base64}. */
  private static Path kekFile() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = Files.createTempFile("kek-", ".b64");
    Files.writeString(
        file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    return file;
  }

  private static DataDirectory folder(Path dataDir) {
    return new DataDirectory(new InstanceProperties(dataDir, null, null));
  }
}

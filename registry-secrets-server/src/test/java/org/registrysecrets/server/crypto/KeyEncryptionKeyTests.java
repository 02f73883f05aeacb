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
  void wrapsWithAKeyThatNeverLeavesAPkcs11Token() throws Exception {
    Path config = softHsmToken();
    // A wrong PIN is refused, without the PIN in the message. (First: once this JVM logged in to
    // the token, PKCS#11 keeps it logged in.)
    assertThatThrownBy(
            () -> Pkcs11KeyEncryptionKey.open(config, "999999".toCharArray(), "test-kek"))
        .hasMessageContaining("not usable")
        .hasMessageNotContaining("999999");
    Aead token = Pkcs11KeyEncryptionKey.open(config, "123456".toCharArray(), "test-kek");
    Path dataDir = TestData.newDataDir("kek-pkcs11");
    KeysetHandle keyset = new KeysetStore(folder(dataDir), token, false).loadOrCreate();
    Ciphertext sealed = new TinkSecretCipher(keyset).encrypt(CONFIG, TENANT, NAME);

    assertThat(Files.readString(dataDir.resolve(KeysetStore.FILE_NAME)))
        .contains("encryptedKeyset")
        .doesNotContain("\"value\"");
    assertThatThrownBy(() -> new KeysetStore(folder(dataDir)).loadOrCreate())
        .hasMessageContaining("REGSECRETS_KEK_FILE");
    // The same key, found again in the token by its alias, opens the keyset.
    Aead again = Pkcs11KeyEncryptionKey.open(config, "123456".toCharArray(), "test-kek");
    KeysetHandle reopened = new KeysetStore(folder(dataDir), again, false).loadOrCreate();
    assertThat(new TinkSecretCipher(reopened).decrypt(sealed, TENANT, NAME)).isEqualTo(CONFIG);
  }

  /**
   * A fresh SoftHSM token (Debian's softhsm2) with user PIN 123456, and a SunPKCS11 configuration
   * for it. SoftHSM finds its own configuration through SOFTHSM2_CONF, which the build sets.
   */
  private static Path softHsmToken() throws Exception {
    Path softHsmConf = Path.of(System.getenv("SOFTHSM2_CONF"));
    Path tokens = softHsmConf.resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (var old = Files.walk(tokens)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(
        softHsmConf,
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    Process init =
        new ProcessBuilder(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                "regsecrets-" + System.nanoTime(),
                "--pin",
                "123456",
                "--so-pin",
                "654321")
            .redirectErrorStream(true)
            .start();
    String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(init.waitFor()).as(output).isZero();
    Path config = softHsmConf.resolveSibling("pkcs11.cfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "name = SoftHSM",
            "library = /usr/lib/softhsm/libsofthsm2.so",
            "slotListIndex = 0",
            "attributes(*, CKO_SECRET_KEY, CKK_AES) = {",
            "  CKA_ENCRYPT = true",
            "  CKA_DECRYPT = true",
            "  CKA_TOKEN = true",
            "  CKA_SENSITIVE = true",
            "  CKA_EXTRACTABLE = false",
            "}",
            ""));
    return config;
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

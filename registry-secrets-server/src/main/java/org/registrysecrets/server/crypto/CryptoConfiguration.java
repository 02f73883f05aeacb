package org.registrysecrets.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.instance.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Provides the {@link SecretCipher} over the keyset in the data folder. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

  @Bean
  KeysetStore keysetStore(DataDirectory dataDirectory, CryptoProperties properties)
      throws GeneralSecurityException {
    AeadConfig.register();
    return new KeysetStore(dataDirectory, keyEncryptionKey(properties), properties.wrapKeyset());
  }

  /** The key-encryption key: a file, a PKCS#11 token, or none (the keyset in the clear). */
  private static @Nullable Aead keyEncryptionKey(CryptoProperties properties) {
    Path kekFile = properties.kekFile();
    boolean file = kekFile != null && !kekFile.toString().isBlank();
    CryptoProperties.Pkcs11 token = properties.pkcs11();
    if (file && token != null) {
      throw new IllegalStateException(
          "Give one key-encryption key: REGSECRETS_KEK_FILE or regsecrets.crypto.pkcs11, not both");
    }
    if (token != null) {
      return Pkcs11KeyEncryptionKey.open(
          token.config(), token.pin().toCharArray(), token.keyAlias());
    }
    return kekFile != null && file ? KeyEncryptionKey.fromFile(kekFile) : null;
  }

  @Bean
  KeysetHandle dataKeyset(KeysetStore store) throws GeneralSecurityException {
    AeadConfig.register();
    return store.loadOrCreate();
  }

  @Bean
  TinkSecretCipher secretCipher(KeysetHandle dataKeyset) throws GeneralSecurityException {
    return new TinkSecretCipher(dataKeyset);
  }

  @Bean
  DataKeys dataKeys(
      KeysetStore store,
      KeysetHandle dataKeyset,
      TinkSecretCipher cipher,
      List<SealedRows> sealed) {
    return new DataKeys(store, dataKeyset, cipher, sealed);
  }

  @Bean
  DataKeyReseal dataKeyReseal(DataKeys keys, JdbcClient jdbc, CryptoProperties properties) {
    return new DataKeyReseal(keys, jdbc, properties.resealInterval());
  }

  @Bean
  ContentFingerprints contentFingerprints(DataDirectory dataDirectory) {
    return ContentFingerprints.loadOrCreate(dataDirectory);
  }
}

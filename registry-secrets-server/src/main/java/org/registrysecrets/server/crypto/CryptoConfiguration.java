package org.registrysecrets.server.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
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
    Path kekFile = properties.kekFile();
    return new KeysetStore(
        dataDirectory,
        kekFile == null || kekFile.toString().isBlank() ? null : KeyEncryptionKey.fromFile(kekFile),
        properties.wrapKeyset());
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

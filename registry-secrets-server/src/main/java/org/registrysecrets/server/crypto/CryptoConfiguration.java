package org.registrysecrets.server.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;
import org.registrysecrets.server.instance.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the {@link SecretCipher} over the keyset in the data folder. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

  @Bean
  SecretCipher secretCipher(DataDirectory dataDirectory) throws GeneralSecurityException {
    AeadConfig.register();
    return new TinkSecretCipher(new KeysetStore(dataDirectory).loadOrCreate());
  }

  @Bean
  ContentFingerprints contentFingerprints(DataDirectory dataDirectory) {
    return ContentFingerprints.loadOrCreate(dataDirectory);
  }
}

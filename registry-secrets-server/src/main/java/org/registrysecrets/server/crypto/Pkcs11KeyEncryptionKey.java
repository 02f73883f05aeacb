package org.registrysecrets.server.crypto;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key-encryption key that never leaves a PKCS#11 token (an HSM, or SoftHSM), reached through the
 * JDK's SunPKCS11 provider: AES-256-GCM inside the token, a fresh 12-byte IV before each
 * ciphertext. The key is made in the token on first use if the alias is free.
 */
final class Pkcs11KeyEncryptionKey implements Aead {

  private static final Logger log = LoggerFactory.getLogger(Pkcs11KeyEncryptionKey.class);
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Provider provider;
  private final Key key;
  private final SecureRandom random = new SecureRandom();

  private Pkcs11KeyEncryptionKey(Provider provider, Key key) {
    this.provider = provider;
    this.key = key;
  }

  /**
   * @param config a SunPKCS11 configuration file (library, slot, key attributes)
   * @throws IllegalStateException naming what failed, never the PIN
   */
  static Aead open(Path config, char[] pin, String alias) {
    try {
      Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
      KeyStore token = KeyStore.getInstance("PKCS11", provider);
      token.load(null, pin);
      Key key = token.getKey(alias, null);
      if (key == null) {
        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        generator.init(256);
        token.setKeyEntry(alias, generator.generateKey(), null, null);
        key = token.getKey(alias, null);
        log.info("Made the key-encryption key {} in the PKCS#11 token", alias);
      }
      return new Pkcs11KeyEncryptionKey(provider, key);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new IllegalStateException(
          "The PKCS#11 token of "
              + config
              + " is not usable for the key-encryption key ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(associatedData);
    byte[] sealed = cipher.doFinal(plaintext);
    return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    if (ciphertext.length <= IV_BYTES) {
      throw new GeneralSecurityException("Ciphertext too short");
    }
    Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
    cipher.init(
        Cipher.DECRYPT_MODE,
        key,
        new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(ciphertext, 0, IV_BYTES)));
    cipher.updateAAD(associatedData);
    return cipher.doFinal(ciphertext, IV_BYTES, ciphertext.length - IV_BYTES);
  }
}

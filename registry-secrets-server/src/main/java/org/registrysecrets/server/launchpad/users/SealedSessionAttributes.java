package org.registrysecrets.server.launchpad.users;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.server.crypto.CipherContext;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.crypto.SecretDecryptionException;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Turns a session attribute into sealed bytes and back: Java serialization, as Spring Session does,
 * then the data keys' AEAD. A database dump shows no token, and a row written by someone without
 * the keys is never deserialized.
 */
final class SealedSessionAttributes {

  private static final CipherContext CONTEXT = new CipherContext("launchpad-session/v1", "");

  private SealedSessionAttributes() {}

  @SuppressWarnings("NullAway") // Spring Session reads a converted null as an absent attribute
  static GenericConversionService conversionService(SecretCipher cipher, ClassLoader classLoader) {
    SerializingConverter serialize = new SerializingConverter();
    DeserializingConverter deserialize = new DeserializingConverter(classLoader);
    GenericConversionService conversions = new GenericConversionService();
    conversions.addConverter(
        Object.class,
        byte[].class,
        value -> cipher.encrypt(Plaintext.ofUtf8(serialize.convert(value)), CONTEXT).bytes());
    conversions.addConverter(
        byte[].class, Object.class, stored -> open(cipher, deserialize, stored));
    return conversions;
  }

  /**
   * An attribute sealed with a data key that has since been removed opens as absent: the session is
   * as good as signed out, which is safer than an error on every page.
   */
  private static @Nullable Object open(
      SecretCipher cipher, DeserializingConverter deserialize, byte[] stored) {
    try {
      return deserialize.convert(cipher.decrypt(new Ciphertext(stored, 0), CONTEXT).utf8());
    } catch (SecretDecryptionException e) {
      return null;
    }
  }
}

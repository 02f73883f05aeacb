package org.registrysecrets.server.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;

/**
 * RSA private keys from PEM, in both forms vendors hand out: PKCS#8 ({@code BEGIN PRIVATE KEY},
 * Google) and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, GitHub Apps). The JDK reads only PKCS#8, so a
 * PKCS#1 key is wrapped in its PKCS#8 envelope first.
 */
final class RsaKeys {

  /** DER of the rsaEncryption AlgorithmIdentifier: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private RsaKeys() {}

  /**
   * @param field names the field in the refusal's message
   * @throws InvalidInputException if the PEM holds no RSA private key
   */
  static RSAPrivateKey privateKey(Plaintext pem, String field) {
    String text = new String(pem.utf8(), StandardCharsets.UTF_8);
    boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
    String label = pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
    int begin = text.indexOf("-----BEGIN " + label + "-----");
    int end = text.indexOf("-----END " + label + "-----");
    if (begin < 0 || end < begin) {
      throw new InvalidInputException(field + " must be an RSA private key in PEM form.");
    }
    try {
      byte[] der =
          Base64.getMimeDecoder().decode(text.substring(begin + label.length() + 16, end).strip());
      byte[] pkcs8 = pkcs1 ? wrap(der) : der;
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw new InvalidInputException(field + " must be an RSA private key in PEM form.");
    }
  }

  /** PrivateKeyInfo: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING { pkcs1 } }. */
  private static byte[] wrap(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(tagged(0x04, pkcs1));
    return tagged(0x30, body.toByteArray());
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}

package org.registrysecrets.server.crypto;

import java.util.Arrays;

/**
 * Sealed bytes and the id of the key that sealed them, kept beside the row so that a rotation can
 * find what still uses an old key.
 */
public record Ciphertext(byte[] bytes, long keyId) {

  public Ciphertext {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ciphertext that
        && keyId == that.keyId
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Long.hashCode(keyId);
  }

  @Override
  public String toString() {
    return "Ciphertext[keyId=" + keyId + ", " + bytes.length + " bytes]";
  }
}

package org.registrysecrets.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential in memory: a password, a client secret, a token. It never prints itself, compares in
 * constant time, and gives its text only to a caller that asks for it by name ({@link #reveal()}),
 * at the edge where a protocol needs it.
 */
public final class Plaintext {

  private final byte[] utf8;

  private Plaintext(byte[] utf8) {
    this.utf8 = utf8;
  }

  public static Plaintext of(String value) {
    return new Plaintext(value.getBytes(StandardCharsets.UTF_8));
  }

  public static Plaintext ofUtf8(byte[] utf8) {
    return new Plaintext(utf8.clone());
  }

  /** The text, for the one protocol call that needs it; never log, print or return it. */
  public String reveal() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** A copy of the UTF-8 bytes, for encryption. */
  public byte[] utf8() {
    return utf8.clone();
  }

  public boolean isEmpty() {
    return utf8.length == 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Plaintext that && MessageDigest.isEqual(utf8, that.utf8);
  }

  @Override
  public int hashCode() {
    // Equal values must share a hash; the length says little about a credential.
    return Integer.hashCode(utf8.length);
  }

  @Override
  public String toString() {
    return "****";
  }
}

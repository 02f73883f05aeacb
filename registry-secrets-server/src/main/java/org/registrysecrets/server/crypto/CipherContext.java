package org.registrysecrets.server.crypto;

/**
 * What a sealed value belongs to, bound to its ciphertext as associated data: a value sealed for
 * one context does not open in another.
 *
 * @param purpose the kind of value and its format version, e.g. {@code connection-client-secret/v1}
 * @param owner the id of what holds it, e.g. the connection's name
 */
public record CipherContext(String purpose, String owner) {

  public CipherContext {
    if (purpose.isBlank()) {
      throw new IllegalArgumentException("A cipher context needs a purpose");
    }
  }
}

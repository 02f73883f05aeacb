package org.registrysecrets.server.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.crypto.Sha256;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets with SHA-256 and compares in constant time. Our client secrets are 256
 * random bits, so a slow password hash would add latency to every token request without making a
 * stolen hash any easier to invert.
 */
final class ClientSecretHasher implements PasswordEncoder {

  @Override
  public String encode(@Nullable CharSequence secret) {
    if (secret == null) {
      throw new IllegalArgumentException("No secret to hash");
    }
    return Sha256.hex(secret.toString());
  }

  @Override
  public boolean matches(@Nullable CharSequence secret, @Nullable String hash) {
    if (secret == null || hash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        encode(secret).getBytes(StandardCharsets.US_ASCII),
        hash.getBytes(StandardCharsets.US_ASCII));
  }
}

package org.registrysecrets.server.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(secret.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
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

package org.registrysecrets.api.dockerconfig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.Plaintext;

/**
 * The credential a kubelet would use for one {@code auths} entry, as the parser read it: a user
 * name and password, or none (an entry with only an identity token pulls anonymously).
 *
 * @param registry the entry's key in the stored config
 */
public record RegistryCredential(
    String registry, @Nullable String username, @Nullable Plaintext password) {

  /**
   * The value of an {@code Authorization: Basic} header, for the registry or its token service;
   * {@code null} without credentials.
   */
  public @Nullable String basicAuthorization() {
    if (username == null || password == null) {
      return null;
    }
    ByteArrayOutputStream userAndPassword = new ByteArrayOutputStream();
    userAndPassword.writeBytes((username + ":").getBytes(StandardCharsets.UTF_8));
    userAndPassword.writeBytes(password.utf8());
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.toByteArray());
  }

  @Override
  public String toString() {
    return "RegistryCredential[" + registry + ", ****]";
  }
}

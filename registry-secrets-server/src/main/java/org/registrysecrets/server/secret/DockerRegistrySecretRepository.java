package org.registrysecrets.server.secret;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.crypto.Ciphertext;

/** Stores secrets per tenant: metadata in plain columns, the Docker config only as ciphertext. */
interface DockerRegistrySecretRepository {

  List<DockerRegistrySecret> list(String tenant, int limit, long offset);

  long count(String tenant);

  Optional<DockerRegistrySecret> find(String tenant, SecretName name);

  Optional<Ciphertext> findCiphertext(String tenant, SecretName name);

  /**
   * @throws org.springframework.dao.DuplicateKeyException if the name is taken in the tenant
   */
  void insert(String tenant, DockerRegistrySecret secret, Ciphertext ciphertext);

  /**
   * Replaces the config and bumps the version.
   *
   * @param expectedVersion the version the caller read, or {@code null} to overwrite any
   * @return whether a row matched
   */
  boolean update(
      String tenant,
      SecretName name,
      @Nullable Long expectedVersion,
      List<String> registries,
      Ciphertext ciphertext,
      Instant modifiedAt,
      @Nullable RegistryVerification verification);

  /** Records a new check of the stored credentials; the version stays. */
  boolean updateVerification(String tenant, SecretName name, RegistryVerification verification);

  /** Deletes the row; returns whether one matched. */
  boolean delete(String tenant, SecretName name, @Nullable Long expectedVersion);

  /** Takes one slot of the tenant's quota; returns false if none is left. Row-locks the counter. */
  boolean reserveSlot(String tenant, long maxCount);

  void releaseSlot(String tenant);

  /** Every tenant that ever stored a secret. */
  List<String> tenants();
}

package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.tenant.TenantId;

/** Stores secrets per tenant: metadata in plain columns, the Docker config only as ciphertext. */
interface DockerRegistrySecretRepository {

  List<DockerRegistrySecret> list(TenantId tenant, Paging paging);

  long count(TenantId tenant);

  Optional<DockerRegistrySecret> find(TenantId tenant, SecretName name);

  Optional<Ciphertext> findCiphertext(TenantId tenant, SecretName name);

  /**
   * Inserts the secret with its expiry and re-check, so that a create needs no further statement on
   * the row.
   *
   * @throws org.springframework.dao.DuplicateKeyException if the name is taken in the tenant
   */
  void insert(TenantId tenant, DockerRegistrySecret secret, Ciphertext ciphertext);

  /**
   * Replaces the config and its expiry and bumps the version, if the stored version is one of
   * {@code expected}.
   *
   * @return whether a row matched
   */
  boolean update(
      TenantId tenant,
      SecretName name,
      ExpectedVersions expected,
      List<String> registries,
      Ciphertext ciphertext,
      Instant modifiedAt,
      @Nullable RegistryVerification verification,
      @Nullable SecretExpiry expiry);

  /** Records a new check of the stored credentials; the version stays. */
  boolean updateVerification(TenantId tenant, SecretName name, RegistryVerification verification);

  /** Deletes the row if its version is one of {@code expected}; returns whether one matched. */
  boolean delete(TenantId tenant, SecretName name, ExpectedVersions expected);

  /**
   * Takes one slot of the tenant's quota; returns false if none is left. Row-locks the counter,
   * which {@link #createQuotaCounterIfMissing} made before.
   */
  boolean reserveSlot(TenantId tenant, long maxCount);

  boolean hasQuotaCounter(TenantId tenant);

  /**
   * Creates the tenant's quota counter, counting what it has, unless it exists.
   *
   * @throws org.springframework.dao.DuplicateKeyException if a concurrent first create of the
   *     tenant made it at the same moment
   */
  void createQuotaCounterIfMissing(TenantId tenant);

  void releaseSlot(TenantId tenant);

  /** Every tenant that ever stored a secret. */
  List<TenantId> tenants();

  /** A secret whose re-check is due. */
  record DueRecheck(TenantId tenant, SecretName name, Duration every, Instant nextAt) {}

  /** Secrets whose re-check is due at {@code now}, the most overdue first. */
  List<DueRecheck> dueRechecks(Instant now, int limit);

  /** Moves a due re-check to {@code next}; false if another round moved it first. */
  boolean claimRecheck(DueRecheck due, Instant next);

  /**
   * Records a re-check's result and verdict, if the secret still has {@code version}; returns
   * whether it did.
   */
  boolean recordRecheck(
      TenantId tenant,
      SecretName name,
      long version,
      RegistryVerification verification,
      String state);

  /** Sets the secret's re-checks ({@code null}: none) and clears the last verdict. */
  void setRecheck(TenantId tenant, SecretName name, @Nullable SecretRecheck recheck);
}

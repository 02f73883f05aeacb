package org.registrysecrets.server.issuer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.api.wire.ServiceKeyInfo;
import org.registrysecrets.server.instance.PublicUrl;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes service keys. A key's secret exists in plain text only in the response
 * that creates it (and in the bootstrap key file); the database keeps its hash.
 */
public class ServiceKeyService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcServiceKeyRepository keys;
  private final ClientSecretHasher hasher;
  private final PublicUrl publicUrl;
  private final RevocationCache revocations;
  private final Clock clock = Clock.systemUTC();

  ServiceKeyService(
      JdbcServiceKeyRepository keys,
      ClientSecretHasher hasher,
      PublicUrl publicUrl,
      RevocationCache revocations) {
    this.keys = keys;
    this.hasher = hasher;
    this.publicUrl = publicUrl;
    this.revocations = revocations;
  }

  /** Creates a key for {@code tenant} with a grantable role ({@code viewer} or {@code editor}). */
  @Transactional
  public ServiceKey create(TenantId tenant, ServiceKeyRole role, String description) {
    if (!role.grantable()) {
      throw new InvalidInputException("The role " + role.wireName() + " cannot be granted.");
    }
    if (description.length() > 500) {
      throw new InvalidInputException("The description may have at most 500 characters.");
    }
    return register(tenant, role, description, newClientId(), newClientSecret());
  }

  /** Registers a key with known credentials (the bootstrap key, restored from its file). */
  @Transactional
  ServiceKey register(
      TenantId tenant,
      ServiceKeyRole role,
      String description,
      String clientId,
      String clientSecret) {
    keys.insert(
        new ServiceKeyRecord(
            clientId, hasher.encode(clientSecret), tenant.value(), role, description, now(), null));
    return serviceKey(clientId, clientSecret, tenant.value());
  }

  @Transactional(readOnly = true)
  public List<ServiceKeyInfo> list() {
    return keys.listActive().stream()
        .map(
            key ->
                new ServiceKeyInfo(
                    key.clientId(),
                    key.tenant(),
                    key.role().wireName(),
                    key.description(),
                    key.createdAt()))
        .toList();
  }

  /**
   * Revokes a key: no new tokens at once, and its tokens stop working on this replica at once and
   * on others at their next {@link RevocationFeed} poll.
   */
  @Transactional
  public void revoke(String clientId) {
    ServiceKeyRecord key =
        keys.find(clientId)
            .filter(found -> !found.revoked())
            .orElseThrow(() -> new ServiceKeyNotFoundException(clientId));
    if (key.role() == ServiceKeyRole.ADMIN) {
      throw new ServiceKeyInUseException(
          "The bootstrap service key manages all others and cannot be revoked; delete "
              + BootstrapServiceKey.FILE_NAME
              + " and restart to replace it.");
    }
    keys.revoke(clientId, now());
    revocations.revoked(clientId);
  }

  Optional<ServiceKeyRecord> findActive(String clientId) {
    return keys.find(clientId).filter(key -> !key.revoked());
  }

  void updateSecretHash(String clientId, String secretHash) {
    keys.updateSecretHash(clientId, secretHash);
  }

  ServiceKey serviceKey(String clientId, String clientSecret, String tenant) {
    String url = publicUrl.get();
    return new ServiceKey(
        clientId, clientSecret, url, tenant, tenant, new ServiceKey.ServiceUrls(url));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static String newClientId() {
    return "sb-" + UUID.randomUUID();
  }

  static String newClientSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

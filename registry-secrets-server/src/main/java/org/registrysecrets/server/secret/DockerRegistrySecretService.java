package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.secret.DockerRegistrySecretChanged.Action;
import org.registrysecrets.server.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for a tenant's secrets, one method per API call. Each change is one transaction with
 * its audit event; reads never decrypt.
 */
@Service
public class DockerRegistrySecretService {

  private final DockerRegistrySecretRepository secrets;
  private final SecretCipher cipher;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;
  private final SecretProperties properties;
  private final Clock clock;

  DockerRegistrySecretService(
      DockerRegistrySecretRepository secrets,
      SecretCipher cipher,
      AuditLog auditLog,
      ApplicationEventPublisher events,
      SecretProperties properties) {
    this.secrets = secrets;
    this.cipher = cipher;
    this.auditLog = auditLog;
    this.events = events;
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  /** Secrets of the tenant ordered by name; {@code total} is counted only if asked for. */
  @Transactional(readOnly = true)
  public DockerRegistrySecretPage list(String tenant, int top, long skip, boolean countTotal) {
    return new DockerRegistrySecretPage(
        secrets.list(tenant, top, skip), countTotal ? secrets.count(tenant) : null);
  }

  @Transactional(readOnly = true)
  public DockerRegistrySecret get(String tenant, SecretName name) {
    return secrets.find(tenant, name).orElseThrow(() -> new SecretNotFoundException(name));
  }

  /** The secret, if the tenant has one of this name. */
  @Transactional(readOnly = true)
  public java.util.Optional<DockerRegistrySecret> find(String tenant, SecretName name) {
    return secrets.find(tenant, name);
  }

  /** Every tenant that ever stored a secret, for whole-store work such as a full sync. */
  @Transactional(readOnly = true)
  public List<String> tenants() {
    return secrets.tenants();
  }

  @Transactional(readOnly = true)
  public long count(String tenant) {
    return secrets.count(tenant);
  }

  public long maxCount() {
    return properties.maxCount();
  }

  /**
   * Stores a new secret.
   *
   * @param verification the check of its credentials made before, or {@code null} if none was
   */
  @Transactional
  public DockerRegistrySecret create(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      @Nullable RegistryVerification verification) {
    return audited(
        caller,
        "create",
        name,
        () -> {
          if (secrets.find(caller.tenant(), name).isPresent()) {
            throw new SecretAlreadyExistsException(name);
          }
          if (!secrets.reserveSlot(caller.tenant(), properties.maxCount())) {
            throw new SecretQuotaExceededException(properties.maxCount());
          }
          Instant now = now();
          DockerRegistrySecret secret =
              new DockerRegistrySecret(name, now, now, config.registries(), 1, verification);
          try {
            secrets.insert(caller.tenant(), secret, cipher.encrypt(config, caller.tenant(), name));
          } catch (DuplicateKeyException e) {
            throw new SecretAlreadyExistsException(name);
          }
          events.publishEvent(
              new DockerRegistrySecretChanged(caller.tenant(), name, Action.CREATED));
          return secret;
        });
  }

  /**
   * Replaces the secret's Docker config; the name never changes.
   *
   * @param expectedVersion from {@code If-Match}, or {@code null} for last-write-wins
   * @param verification the check of the new credentials made before, or {@code null}
   */
  @Transactional
  public DockerRegistrySecret modify(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      @Nullable Long expectedVersion,
      @Nullable RegistryVerification verification) {
    return audited(
        caller,
        "modify",
        name,
        () -> {
          boolean updated =
              secrets.update(
                  caller.tenant(),
                  name,
                  expectedVersion,
                  config.registries(),
                  cipher.encrypt(config, caller.tenant(), name),
                  now(),
                  verification);
          if (!updated) {
            throw refusal(caller.tenant(), name);
          }
          events.publishEvent(
              new DockerRegistrySecretChanged(caller.tenant(), name, Action.MODIFIED));
          return get(caller.tenant(), name);
        });
  }

  @Transactional
  public void delete(Caller caller, SecretName name, @Nullable Long expectedVersion) {
    audited(
        caller,
        "delete",
        name,
        () -> {
          if (!secrets.delete(caller.tenant(), name, expectedVersion)) {
            throw refusal(caller.tenant(), name);
          }
          secrets.releaseSlot(caller.tenant());
          events.publishEvent(
              new DockerRegistrySecretChanged(caller.tenant(), name, Action.DELETED));
          return name;
        });
  }

  /**
   * The stored Docker config, decrypted for a server-side use (a credential check); it never leaves
   * the server.
   */
  @Transactional(readOnly = true)
  public DockerConfigJson config(String tenant, SecretName name) {
    return secrets
        .findCiphertext(tenant, name)
        .map(ciphertext -> cipher.decrypt(ciphertext, tenant, name))
        .orElseThrow(() -> new SecretNotFoundException(name));
  }

  /** Records a check of the stored credentials; the secret's version stays. */
  @Transactional
  public DockerRegistrySecret recordVerification(
      Caller caller, SecretName name, RegistryVerification verification) {
    return audited(
        caller,
        "verify",
        name,
        () -> {
          if (!secrets.updateVerification(caller.tenant(), name, verification)) {
            throw new SecretNotFoundException(name);
          }
          return get(caller.tenant(), name);
        });
  }

  /** Why a conditional write matched no row: the secret is gone, or its version moved on. */
  private SecretException refusal(String tenant, SecretName name) {
    return secrets.find(tenant, name).isPresent()
        ? new SecretVersionMismatchException(name)
        : new SecretNotFoundException(name);
  }

  private <T> T audited(Caller caller, String action, SecretName name, Supplier<T> change) {
    T result;
    try {
      result = change.get();
    } catch (SecretException e) {
      auditLog.recordRefusal(event(caller, action, name, e.code()));
      throw e;
    }
    auditLog.record(event(caller, action, name, AuditEvent.SUCCESS));
    return result;
  }

  private AuditEvent event(Caller caller, String action, SecretName name, String outcome) {
    return new AuditEvent(
        now(), caller.tenant(), caller.actor(), action, name.value(), outcome, caller.requestId());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

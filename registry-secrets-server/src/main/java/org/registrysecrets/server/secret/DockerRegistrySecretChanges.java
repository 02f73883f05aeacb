package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.crypto.CipherContext;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.source.CredentialSource;
import org.registrysecrets.server.source.CredentialSources;
import org.registrysecrets.server.source.DerivedLogin;
import org.registrysecrets.server.storage.RequestDeadline;
import org.registrysecrets.server.tenant.TenantId;
import org.registrysecrets.server.webhook.WebhookEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes, one transaction each: the rules, the encrypted row, the audit event and the change
 * event commit together or not at all, and only before the request's deadline. Nothing here calls
 * another system.
 */
@Component
class DockerRegistrySecretChanges {

  private final DockerRegistrySecretRepository secrets;
  private final SecretVersions versions;
  private final SecretCipher cipher;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;
  private final WebhookEvents webhookEvents;
  private final CredentialSourceStore sources;
  private final Clock clock;

  DockerRegistrySecretChanges(
      DockerRegistrySecretRepository secrets,
      SecretVersions versions,
      SecretCipher cipher,
      AuditLog auditLog,
      ApplicationEventPublisher events,
      WebhookEvents webhookEvents,
      CredentialSourceStore sources,
      Clock clock) {
    this.secrets = secrets;
    this.versions = versions;
    this.cipher = cipher;
    this.auditLog = auditLog;
    this.events = events;
    this.webhookEvents = webhookEvents;
    this.sources = sources;
    this.clock = clock;
  }

  @Transactional
  DockerRegistrySecret create(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      long maxCount,
      @Nullable RegistryVerification verification,
      SecretOptions options,
      @Nullable NewSource source) {
    TenantId tenant = caller.tenant();
    Instant now = now();
    DockerRegistrySecret secret =
        new DockerRegistrySecret(
            name,
            now,
            now,
            config.registries(),
            1,
            verification,
            source == null ? SecretExpiry.of(config, options.expiresAt()) : null,
            recheck(options.recheck(), now),
            null);
    Ciphertext sealed = cipher.encrypt(config, tenant, name);
    // The insert is the existence check; the quota counter, a row shared by the whole tenant, is
    // locked last, so that concurrent creates wait for each other only over the commit.
    try {
      secrets.insert(tenant, secret, sealed);
    } catch (DuplicateKeyException e) {
      throw new SecretAlreadyExistsException(name);
    }
    if (source != null) {
      putSource(tenant, name, source, now);
    }
    versions.record(caller, name, secret.version(), now, config, sealed, secret.expiry());
    changed(caller, name, SecretAction.CREATE);
    // A refused increment may only mean that the counter did not exist yet when it ran: once the
    // counter exists, a second increment decides.
    if (!secrets.reserveSlot(tenant, maxCount)) {
      if (!secrets.hasQuotaCounter(tenant)) {
        throw new QuotaCounterMissingException();
      }
      if (!secrets.reserveSlot(tenant, maxCount)) {
        throw new SecretQuotaExceededException(maxCount);
      }
    }
    RequestDeadline.ensureNotPassed(clock);
    return secret;
  }

  @Transactional
  DockerRegistrySecret modify(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      ExpectedVersions expected,
      @Nullable RegistryVerification verification,
      SecretOptions options,
      @Nullable NewSource source) {
    return replace(
        caller, name, config, expected, verification, options, source, SecretAction.MODIFY);
  }

  /**
   * Makes a kept version's content the newest version: a change like a patch, with its own version
   * number, audit event and change event.
   */
  @Transactional
  DockerRegistrySecret restore(
      Caller caller, SecretName name, long version, ExpectedVersions expected) {
    TenantId tenant = caller.tenant();
    DockerRegistrySecret current =
        secrets.find(tenant, name).orElseThrow(() -> new SecretNotFoundException(name));
    SecretSource source = current.source();
    if (source != null) {
      throw new InvalidInputException(
          "The secret renews its login from its "
              + source.type()
              + " source, so an older login cannot be restored; patch it with new \"data\" or a"
              + " new \"source\" instead.");
    }
    SecretVersions.Content kept =
        versions
            .content(tenant, name, version)
            .orElseThrow(() -> new SecretVersionNotFoundException(name, version));
    DockerConfigJson content = cipher.decrypt(kept.ciphertext(), tenant, name);
    // The expiries the user gave come back with the content; learned ones are learned again.
    Map<String, Instant> given = new LinkedHashMap<>();
    if (kept.expiry() != null) {
      kept.expiry()
          .registries()
          .forEach(
              (registry, entry) -> {
                if (SecretExpiry.GIVEN.equals(entry.source())) {
                  given.put(registry, entry.expiresAt());
                }
              });
    }
    return replace(
        caller,
        name,
        content,
        expected,
        null,
        new SecretOptions(given, null),
        null,
        SecretAction.RESTORE);
  }

  /** The kept versions of an existing secret, newest first. */
  @Transactional(readOnly = true)
  List<SecretVersion> versions(TenantId tenant, SecretName name) {
    if (secrets.find(tenant, name).isEmpty()) {
      throw new SecretNotFoundException(name);
    }
    return versions.list(tenant, name);
  }

  private DockerRegistrySecret replace(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      ExpectedVersions expected,
      @Nullable RegistryVerification verification,
      SecretOptions options,
      @Nullable NewSource source,
      SecretAction action) {
    TenantId tenant = caller.tenant();
    SecretExpiry expiry = source == null ? SecretExpiry.of(config, options.expiresAt()) : null;
    Instant now = now();
    Ciphertext sealed = cipher.encrypt(config, tenant, name);
    boolean updated =
        secrets.update(
            tenant, name, expected, config.registries(), sealed, now, verification, expiry);
    if (!updated) {
      throw refusal(tenant, name);
    }
    if (options.recheck() != null) { // null keeps the re-checks as they are
      secrets.setRecheck(tenant, name, recheck(options.recheck(), now));
    }
    DockerRegistrySecret modified =
        secrets.find(tenant, name).orElseThrow(() -> new SecretNotFoundException(name));
    // A new source replaces the old one; new data makes a secret with a source static again (the
    // read above shows whether it had one, so a static secret's patch costs no extra statement).
    // The returned metadata still shows the source as it was before this change.
    if (source != null) {
      putSource(tenant, name, source, now);
    } else if (modified.source() != null) {
      sources.remove(tenant, name);
    }
    versions.record(caller, name, modified.version(), now, config, sealed, expiry);
    changed(caller, name, action);
    RequestDeadline.ensureNotPassed(clock);
    return modified;
  }

  @Transactional
  void delete(Caller caller, SecretName name, ExpectedVersions expected) {
    if (!secrets.delete(caller.tenant(), name, expected)) {
      throw refusal(caller.tenant(), name);
    }
    versions.deleteAll(caller.tenant(), name);
    changed(caller, name, SecretAction.DELETE);
    // Last, as in create: the tenant's counter row stays locked only over the commit.
    secrets.releaseSlot(caller.tenant());
    RequestDeadline.ensureNotPassed(clock);
  }

  /**
   * Makes the tenant's quota counter exist, in a short transaction of its own, for a tenant's first
   * create to retry with.
   *
   * @throws DuplicateKeyException if a concurrent first create made it at the same moment
   */
  @Transactional
  void ensureQuotaCounter(TenantId tenant) {
    secrets.createQuotaCounterIfMissing(tenant);
  }

  /** Records a check of the stored credentials; the secret's version stays. */
  @Transactional
  void recordVerification(Caller caller, SecretName name, RegistryVerification verification) {
    if (!secrets.updateVerification(caller.tenant(), name, verification)) {
      throw new SecretNotFoundException(name);
    }
    auditLog.record(audit(caller, SecretAction.VERIFY, name, AuditEvent.SUCCESS));
    RequestDeadline.ensureNotPassed(clock);
  }

  /**
   * Records a scheduled re-check of {@code version} (dropped if the secret changed meanwhile),
   * audited as the server's own action; a verdict other than {@code passing} raises the {@code
   * recheck.failed} event for the tenant's webhooks.
   */
  @Transactional
  boolean recordRecheck(
      Caller system, SecretName name, long version, RegistryVerification verification) {
    TenantId tenant = system.tenant();
    String state = SecretRecheck.stateOf(verification);
    if (!secrets.recordRecheck(tenant, name, version, verification, state)) {
      return false;
    }
    auditLog.record(
        audit(
            system,
            SecretAction.RECHECK,
            name,
            SecretRecheck.PASSING.equals(state) ? AuditEvent.SUCCESS : state));
    if (!SecretRecheck.PASSING.equals(state)) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("tenant", tenant.value());
      data.put("secret", name.value());
      data.put("state", state);
      data.put("checkedAt", verification.checkedAt().toString());
      data.put(
          "registries",
          verification.results().stream()
              .map(
                  result -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("registry", result.registry());
                    entry.put("status", result.status());
                    entry.put("reason", result.reason());
                    return entry;
                  })
              .toList());
      webhookEvents.raise(tenant, WebhookEventTypes.RECHECK_FAILED, name.value(), data);
    }
    return true;
  }

  /**
   * Stores a renewed login of the source {@code generation} as the secret's next version, audited
   * as the server's own renewal; nothing if the source was replaced or removed meanwhile.
   *
   * @param at the watch round's instant, from which the next renewal is scheduled
   */
  @Transactional
  boolean renew(Caller system, SecretName name, String generation, DerivedLogin login, Instant at) {
    TenantId tenant = system.tenant();
    Instant now = now();
    if (!sources.renewed(
        tenant,
        name,
        generation,
        at,
        login.expiresAt(),
        RenewalSchedule.renewAt(at, login.expiresAt()))) {
      return false;
    }
    DockerConfigJson config = login.config();
    Ciphertext sealed = cipher.encrypt(config, tenant, name);
    if (!secrets.update(
        tenant, name, ExpectedVersions.ANY, config.registries(), sealed, now, null, null)) {
      throw new SecretNotFoundException(name);
    }
    long version =
        secrets.find(tenant, name).orElseThrow(() -> new SecretNotFoundException(name)).version();
    versions.record(system, name, version, now, config, sealed, null);
    changed(system, name, SecretAction.RENEW);
    return true;
  }

  /**
   * Records a failed renewal of the source {@code generation}: the last good login stays, the state
   * turns {@code failing}, and the first failure in a row raises {@code renewal.failed} for the
   * tenant's webhooks.
   *
   * @param at the watch round's instant, from which the retry is scheduled
   */
  @Transactional
  boolean renewalFailed(
      Caller system,
      SecretName name,
      CredentialSourceStore.Stored stored,
      String message,
      Instant at) {
    TenantId tenant = system.tenant();
    Instant retryAt = RenewalSchedule.retryAt(at, stored.failures(), stored.expiresAt());
    if (!sources.failed(tenant, name, stored.generation(), at, retryAt, message)) {
      return false;
    }
    auditLog.record(audit(system, SecretAction.RENEW, name, SecretSource.FAILING));
    if (stored.failures() == 0) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("tenant", tenant.value());
      data.put("secret", name.value());
      data.put("type", stored.type());
      data.put("message", message);
      data.put("expiresAt", stored.expiresAt().toString());
      data.put("nextRenewalAt", retryAt.toString());
      webhookEvents.raise(tenant, WebhookEventTypes.RENEWAL_FAILED, name.value(), data);
    }
    return true;
  }

  /** The sealed source of a secret, for a renewal. */
  @Transactional(readOnly = true)
  Optional<CredentialSourceStore.Stored> storedSource(TenantId tenant, SecretName name) {
    return sources.find(tenant, name);
  }

  /** A source and the login just derived from it, to be stored with the secret. */
  record NewSource(CredentialSource source, Instant expiresAt) {}

  private void putSource(TenantId tenant, SecretName name, NewSource source, Instant now) {
    sources.put(
        tenant,
        name,
        source.source().type(),
        cipher.encrypt(CredentialSources.toStored(source.source()), sourceContext(tenant, name)),
        source.expiresAt(),
        RenewalSchedule.renewAt(now, source.expiresAt()));
  }

  /** What a sealed source belongs to: a secret's source opens only for that tenant and name. */
  static CipherContext sourceContext(TenantId tenant, SecretName name) {
    return new CipherContext("credential-source/v1", tenant.value() + "/" + name.value());
  }

  /** The stored Docker config, decrypted for a check; it never leaves the server. */
  @Transactional(readOnly = true)
  DockerConfigJson config(TenantId tenant, SecretName name) {
    return secrets
        .findCiphertext(tenant, name)
        .map(ciphertext -> cipher.decrypt(ciphertext, tenant, name))
        .orElseThrow(() -> new SecretNotFoundException(name));
  }

  /** The audit event of an action, {@code success} or the refusal's code. */
  AuditEvent audit(Caller caller, SecretAction action, SecretName name, String outcome) {
    return new AuditEvent(
        now(),
        caller.tenant(),
        caller.actor(),
        caller.origin(),
        action.auditName(),
        name.value(),
        outcome,
        caller.requestId());
  }

  /** A tenant's first create found no quota counter to lock; nothing was written. */
  static final class QuotaCounterMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QuotaCounterMissingException() {
      super("The tenant has no quota counter yet", null, false, false);
    }
  }

  /** The re-check {@code every} asks for from {@code now}; {@code null} or zero: none. */
  private static @Nullable SecretRecheck recheck(@Nullable Duration every, Instant now) {
    return every == null || every.isZero()
        ? null
        : new SecretRecheck(every, now.plus(SecretRechecks.jittered(every)), null);
  }

  private void changed(Caller caller, SecretName name, SecretAction action) {
    auditLog.record(audit(caller, action, name, AuditEvent.SUCCESS));
    events.publishEvent(new DockerRegistrySecretChanged(caller.tenant(), name, action));
  }

  /** Why a conditional write matched no row: the secret is gone, or its version moved on. */
  private SecretException refusal(TenantId tenant, SecretName name) {
    return secrets.find(tenant, name).isPresent()
        ? new SecretVersionMismatchException(name)
        : new SecretNotFoundException(name);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

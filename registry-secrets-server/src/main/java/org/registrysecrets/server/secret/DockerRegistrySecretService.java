package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.registry.RegistryCredentialChecker;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.source.CredentialExchange;
import org.registrysecrets.server.source.CredentialSource;
import org.registrysecrets.server.source.DerivedLogin;
import org.registrysecrets.server.source.SourceExchangeException;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's secrets, one method per API operation. Reads are single statements outside any
 * transaction (so a get costs one round trip) and never decrypt. A write may first check its
 * credentials with the registries, outside any transaction, then stores in one transaction ({@link
 * DockerRegistrySecretChanges}); a refusal is audited after that transaction rolled back.
 */
@Service
public class DockerRegistrySecretService {

  private final DockerRegistrySecretRepository secrets;
  private final DockerRegistrySecretChanges changes;
  private final RegistryCredentialChecker registries;
  private final AuditLog auditLog;
  private final ObjectProvider<CredentialExchange> exchange;
  private final SecretProperties properties;
  private final Clock clock;

  DockerRegistrySecretService(
      DockerRegistrySecretRepository secrets,
      DockerRegistrySecretChanges changes,
      RegistryCredentialChecker registries,
      AuditLog auditLog,
      ObjectProvider<CredentialExchange> exchange,
      SecretProperties properties,
      Clock clock) {
    this.secrets = secrets;
    this.changes = changes;
    this.registries = registries;
    this.auditLog = auditLog;
    this.exchange = exchange;
    this.properties = properties;
    this.clock = clock;
  }

  /** Secrets of the tenant ordered by name; {@code total} only if the paging asks for it. */
  public DockerRegistrySecretPage list(TenantId tenant, Paging paging) {
    return new DockerRegistrySecretPage(
        secrets.list(tenant, paging), paging.countTotal() ? secrets.count(tenant) : null);
  }

  public DockerRegistrySecret get(TenantId tenant, SecretName name) {
    return secrets.find(tenant, name).orElseThrow(() -> new SecretNotFoundException(name));
  }

  /** The secret, if the tenant has one of this name. */
  public Optional<DockerRegistrySecret> find(TenantId tenant, SecretName name) {
    return secrets.find(tenant, name);
  }

  /** Every tenant that ever stored a secret, for whole-store work such as a full sync. */
  @Transactional(readOnly = true)
  public List<TenantId> tenants() {
    return secrets.tenants();
  }

  /**
   * The stored Docker config, decrypted for server-side use (writing it to a cluster); it never
   * leaves the server in a response.
   */
  public DockerConfigJson config(TenantId tenant, SecretName name) {
    return changes.config(tenant, name);
  }

  /** How many secrets the tenant may have and, if asked, how many it has. */
  @Transactional(readOnly = true)
  public SecretQuota quota(TenantId tenant, boolean withUsage) {
    return new SecretQuota(withUsage ? secrets.count(tenant) : null, properties.maxCount());
  }

  /**
   * Stores a new secret.
   *
   * @param verify whether every registry must accept the credentials first
   */
  public DockerRegistrySecret create(
      Caller caller, SecretName name, DockerConfigJson config, boolean verify) {
    return create(caller, name, config, verify, SecretOptions.NONE);
  }

  /**
   * Stores a new secret.
   *
   * @param verify whether every registry must accept the credentials first
   * @param options expiries and re-checks ({@code x-regsecrets})
   */
  public DockerRegistrySecret create(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      boolean verify,
      SecretOptions options) {
    return create(caller, name, config, verify ? VerifyMode.STRICT : VerifyMode.OFF, options);
  }

  /**
   * Stores a new secret.
   *
   * @param verify how the registries are asked first ({@link VerifyMode})
   * @param options expiries and re-checks ({@code x-regsecrets})
   */
  public DockerRegistrySecret create(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      VerifyMode verify,
      SecretOptions options) {
    return audited(
        caller,
        SecretAction.CREATE,
        name,
        () -> {
          RegistryVerification verification = require(config, verify);
          return withQuotaCounter(
              caller.tenant(),
              () ->
                  changes.create(
                      caller,
                      name,
                      config,
                      properties.maxCount(),
                      verification,
                      checked(options),
                      null));
        });
  }

  /**
   * Stores a new secret whose login the server derives from {@code source} now and renews from it
   * later. Nothing is stored unless the vendor gives a login (and, as {@code verify} says, the
   * registries accept it).
   */
  public DockerRegistrySecret create(
      Caller caller,
      SecretName name,
      CredentialSource source,
      VerifyMode verify,
      SecretOptions options) {
    return audited(
        caller,
        SecretAction.CREATE,
        name,
        () -> {
          DerivedLogin login = derive(source, options);
          RegistryVerification verification = require(login.config(), verify);
          DockerRegistrySecretChanges.NewSource stored =
              new DockerRegistrySecretChanges.NewSource(source, login.expiresAt());
          return withQuotaCounter(
              caller.tenant(),
              () ->
                  changes.create(
                      caller,
                      name,
                      login.config(),
                      properties.maxCount(),
                      verification,
                      checked(options),
                      stored));
        });
  }

  /** Makes {@code source} the secret's source, with a login derived from it now. */
  public DockerRegistrySecret modify(
      Caller caller,
      SecretName name,
      CredentialSource source,
      ExpectedVersions expected,
      VerifyMode verify,
      SecretOptions options) {
    return audited(
        caller,
        SecretAction.MODIFY,
        name,
        () -> {
          DerivedLogin login = derive(source, options);
          RegistryVerification verification = require(login.config(), verify);
          return changes.modify(
              caller,
              name,
              login.config(),
              expected,
              verification,
              checked(options),
              new DockerRegistrySecretChanges.NewSource(source, login.expiresAt()));
        });
  }

  /** Replaces the secret's Docker config, if its version is one of {@code expected}. */
  public DockerRegistrySecret modify(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      ExpectedVersions expected,
      boolean verify) {
    return modify(caller, name, config, expected, verify, SecretOptions.NONE);
  }

  /** As above, with expiries and re-checks ({@code x-regsecrets}). */
  public DockerRegistrySecret modify(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      ExpectedVersions expected,
      boolean verify,
      SecretOptions options) {
    return modify(
        caller, name, config, expected, verify ? VerifyMode.STRICT : VerifyMode.OFF, options);
  }

  /** As above, checking the registries first as {@code verify} says. */
  public DockerRegistrySecret modify(
      Caller caller,
      SecretName name,
      DockerConfigJson config,
      ExpectedVersions expected,
      VerifyMode verify,
      SecretOptions options) {
    return audited(
        caller,
        SecretAction.MODIFY,
        name,
        () -> {
          RegistryVerification verification = require(config, verify);
          return changes.modify(
              caller, name, config, expected, verification, checked(options), null);
        });
  }

  public void delete(Caller caller, SecretName name, ExpectedVersions expected) {
    audited(
        caller,
        SecretAction.DELETE,
        name,
        () -> {
          changes.delete(caller, name, expected);
          return name;
        });
  }

  /** The kept versions of a secret, newest first; never their content. */
  public List<SecretVersion> versions(TenantId tenant, SecretName name) {
    return changes.versions(tenant, name);
  }

  /** Makes a kept version's content the newest version, as a patch would. */
  public DockerRegistrySecret restore(
      Caller caller, SecretName name, long version, ExpectedVersions expected) {
    return audited(
        caller, SecretAction.RESTORE, name, () -> changes.restore(caller, name, version, expected));
  }

  /** Checks the stored credentials with their registries again and keeps the result. */
  public RegistryVerification verify(Caller caller, SecretName name) {
    return audited(
        caller,
        SecretAction.VERIFY,
        name,
        () -> {
          RegistryVerification verification = check(changes.config(caller.tenant(), name));
          changes.recordVerification(caller, name, verification);
          return verification;
        });
  }

  /**
   * @throws InvalidInputException for a re-check interval shorter than the configured minimum
   */
  private SecretOptions checked(SecretOptions options) {
    Duration every = options.recheck();
    if (every != null && !every.isZero() && every.compareTo(properties.minimumRecheck()) < 0) {
      throw new InvalidInputException(
          "x-regsecrets.recheck must be at least " + properties.minimumRecheck() + ", or \"off\".");
    }
    return options;
  }

  /**
   * Runs a create; if it was the tenant's first and found no quota counter, makes the counter and
   * runs it once more: after that create's transaction rolled back, one connection at a time, so
   * that neither a savepoint nor a second connection is needed. Concurrent first creates may race
   * to make it; the retried increments then decide, one at a time.
   */
  private DockerRegistrySecret withQuotaCounter(
      TenantId tenant, Supplier<DockerRegistrySecret> create) {
    try {
      return create.get();
    } catch (DockerRegistrySecretChanges.QuotaCounterMissingException first) {
      try {
        changes.ensureQuotaCounter(tenant);
      } catch (DuplicateKeyException e) {
        // A concurrent first create made it a moment ago: it exists now.
      }
      return create.get();
    }
  }

  /**
   * A login from the source's vendor, outside any transaction.
   *
   * @throws CredentialCheckFailedException if the vendor gave none, with its answer
   * @throws InvalidInputException if the options give expiries, which the vendor decides here
   */
  private DerivedLogin derive(CredentialSource source, SecretOptions options) {
    if (!options.expiresAt().isEmpty()) {
      throw new InvalidInputException(
          "x-regsecrets expiries do not apply to a secret with a source: its vendor decides when"
              + " each login expires, and the server renews it before then.");
    }
    try {
      return exchange.getObject().derive(source);
    } catch (SourceExchangeException e) {
      throw new CredentialCheckFailedException(
          List.of(
              new RegistryCheckResult(
                  source.label(),
                  e.refused()
                      ? RegistryCheckResult.INVALID_CREDENTIALS
                      : RegistryCheckResult.UNREACHABLE,
                  e.getMessage())));
    }
  }

  /**
   * @return the check's results, or {@code null} when {@code mode} asks for none
   * @throws CredentialCheckFailedException if the results stop the save in this mode
   */
  private @Nullable RegistryVerification require(DockerConfigJson config, VerifyMode mode) {
    if (mode == VerifyMode.OFF) {
      return null;
    }
    RegistryVerification verification = check(config);
    if (mode.refuses(verification)) {
      throw new CredentialCheckFailedException(verification.results());
    }
    return verification;
  }

  private RegistryVerification check(DockerConfigJson config) {
    return new RegistryVerification(
        clock.instant().truncatedTo(ChronoUnit.MILLIS), registries.check(config));
  }

  /** Runs an operation; a refusal is audited on its own, after the change rolled back. */
  private <T> T audited(
      Caller caller, SecretAction action, SecretName name, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SecretException e) {
      auditLog.recordRefusal(changes.audit(caller, action, name, e.refusal().code()));
      throw e;
    }
  }
}

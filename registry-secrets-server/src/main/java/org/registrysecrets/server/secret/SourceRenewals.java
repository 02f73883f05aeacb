package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.source.CredentialExchange;
import org.registrysecrets.server.source.CredentialSource;
import org.registrysecrets.server.source.CredentialSources;
import org.registrysecrets.server.source.DerivedLogin;
import org.registrysecrets.server.source.SourceExchangeException;
import org.registrysecrets.server.source.SourceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Renews the logins of secrets with a credential source, on the replica holding the {@code
 * secret-watch} lease: each due renewal is claimed first (a hung exchange or a dead replica retries
 * later, never in a loop), the vendor is asked outside any transaction, a few at a time, and the
 * result recorded: a new version, synced to Kubernetes like any change, or a failure that keeps the
 * last good login.
 */
@Component
class SourceRenewals implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SourceRenewals.class);
  private static final int BATCH = 100;

  /** How long a claimed renewal may take before another round tries it again. */
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final CredentialSourceStore sources;
  private final DockerRegistrySecretChanges changes;
  private final ObjectProvider<CredentialExchange> exchange;
  private final CredentialSources parser;
  private final SecretCipher cipher;
  private final SecretMetrics metrics;
  private final ExecutorService workers;

  SourceRenewals(
      CredentialSourceStore sources,
      DockerRegistrySecretChanges changes,
      ObjectProvider<CredentialExchange> exchange,
      CredentialSources parser,
      SecretCipher cipher,
      SecretMetrics metrics,
      SourceProperties properties) {
    this.sources = sources;
    this.changes = changes;
    this.exchange = exchange;
    this.parser = parser;
    this.cipher = cipher;
    this.metrics = metrics;
    this.workers =
        Executors.newFixedThreadPool(
            properties.renewalConcurrency(),
            runnable -> {
              Thread thread = new Thread(runnable, "source-renewal");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs every renewal due at {@code now}; returns how many logins were renewed. */
  int runDue(Instant now) {
    List<Callable<Boolean>> renewals = new ArrayList<>();
    for (CredentialSourceStore.Due due : sources.due(now, BATCH)) {
      if (sources.claim(due, now.plus(CLAIM))) {
        renewals.add(() -> renew(due, now));
      }
    }
    int renewed = 0;
    try {
      for (Future<Boolean> result : workers.invokeAll(renewals)) {
        try {
          if (Boolean.TRUE.equals(result.get())) {
            renewed++;
          }
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          log.warn("A renewal failed: {}", cause.getClass().getSimpleName());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return renewed;
  }

  private boolean renew(CredentialSourceStore.Due due, Instant now) {
    Optional<CredentialSourceStore.Stored> stored = changes.storedSource(due.tenant(), due.name());
    if (stored.isEmpty() || !stored.get().generation().equals(due.generation())) {
      return false;
    }
    Caller system =
        new Caller(
            due.tenant(),
            SecretRechecks.ACTOR,
            SecretRechecks.ORIGIN,
            "renew-" + UUID.randomUUID());
    CredentialSource source;
    try {
      source =
          parser.fromStored(
              cipher.decrypt(
                  stored.get().ciphertext(),
                  DockerRegistrySecretChanges.sourceContext(due.tenant(), due.name())));
    } catch (InvalidInputException e) {
      // Stored under settings that changed since (an ACR suffix no longer allowed): say so, on the
      // same schedule as a refusing vendor, instead of retrying silently.
      changes.renewalFailed(
          system,
          due.name(),
          stored.get(),
          "The stored source is no longer accepted: " + e.getMessage(),
          now);
      return false;
    }
    try {
      DerivedLogin login = exchange.getObject().derive(source);
      boolean renewed = changes.renew(system, due.name(), due.generation(), login, now);
      if (renewed) {
        metrics.renewal(source.type(), "renewed");
      }
      return renewed;
    } catch (SourceExchangeException e) {
      log.info(
          "Renewing {}/{} from its {} source failed: {}",
          due.tenant().value(),
          due.name().value(),
          source.type(),
          e.getMessage());
      if (changes.renewalFailed(system, due.name(), stored.get(), e.getMessage(), now)) {
        metrics.renewal(source.type(), "failed");
      }
      return false;
    }
  }

  @Override
  public void close() {
    workers.shutdown();
  }
}

package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.registry.RegistryCredentialChecker;
import org.registrysecrets.server.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled re-checks: the secrets whose re-check is due are checked with their registries again, a
 * few at a time and one at a time per registry host (a registry is not hammered by one tenant's
 * many secrets), and the result recorded; the next one is jittered so that secrets made together do
 * not stay in step. Runs on the replica holding the {@code secret-watch} lease.
 */
@Component
class SecretRechecks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SecretRechecks.class);
  private static final int BATCH = 100;
  static final String ACTOR = "registry-secrets";
  static final String ORIGIN = "schedule";

  private final DockerRegistrySecretRepository secrets;
  private final DockerRegistrySecretChanges changes;
  private final RegistryCredentialChecker checker;
  private final SecretMetrics metrics;
  private final Clock clock;
  private final ExecutorService workers;
  private final Map<String, ReentrantLock> hosts = new ConcurrentHashMap<>();

  SecretRechecks(
      DockerRegistrySecretRepository secrets,
      DockerRegistrySecretChanges changes,
      RegistryCredentialChecker checker,
      SecretProperties properties,
      SecretMetrics metrics,
      Clock clock) {
    this.metrics = metrics;
    this.secrets = secrets;
    this.changes = changes;
    this.checker = checker;
    this.clock = clock;
    this.workers =
        Executors.newFixedThreadPool(
            properties.recheckConcurrency(),
            runnable -> {
              Thread thread = new Thread(runnable, "secret-recheck");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** {@code every}, give or take up to a tenth, never less than a minute. */
  static Duration jittered(Duration every) {
    long tenth = Math.max(1, every.toMillis() / 10);
    long millis = every.toMillis() - tenth + ThreadLocalRandom.current().nextLong(2 * tenth + 1);
    return Duration.ofMillis(Math.max(60_000, millis));
  }

  /** Runs every re-check due at {@code now}; returns how many results were recorded. */
  int runDue(Instant now) {
    List<Callable<Boolean>> checks = new ArrayList<>();
    for (DockerRegistrySecretRepository.DueRecheck due : secrets.dueRechecks(now, BATCH)) {
      // Claimed first: a check that fails or a replica that dies does not retry in a loop.
      if (secrets.claimRecheck(due, now.plus(jittered(due.every())))) {
        checks.add(() -> recheck(due));
      }
    }
    int recorded = 0;
    try {
      for (Future<Boolean> result : workers.invokeAll(checks)) {
        try {
          if (Boolean.TRUE.equals(result.get())) {
            recorded++;
          }
        } catch (ExecutionException e) {
          log.warn(
              "A re-check failed: {}",
              java.util.Objects.requireNonNullElse(e.getCause(), e).getClass().getSimpleName());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return recorded;
  }

  private boolean recheck(DockerRegistrySecretRepository.DueRecheck due) {
    var secret = secrets.find(due.tenant(), due.name());
    if (secret.isEmpty()) {
      return false;
    }
    long version = secret.get().version();
    DockerConfigJson config = changes.config(due.tenant(), due.name());
    List<ReentrantLock> locks = new ArrayList<>();
    TreeSet<String> registryHosts = new TreeSet<>();
    config.registries().forEach(key -> registryHosts.add(RegistryKey.parse(key).host()));
    // Sorted, so that two checks sharing hosts never wait for each other in a circle.
    for (String host : registryHosts) {
      ReentrantLock lock = hosts.computeIfAbsent(host, h -> new ReentrantLock());
      lock.lock();
      locks.add(lock);
    }
    RegistryVerification verification;
    try {
      verification =
          new RegistryVerification(
              clock.instant().truncatedTo(ChronoUnit.MILLIS), checker.check(config));
    } finally {
      locks.forEach(ReentrantLock::unlock);
    }
    Caller system = new Caller(due.tenant(), ACTOR, ORIGIN, "recheck-" + UUID.randomUUID());
    boolean recorded = changes.recordRecheck(system, due.name(), version, verification);
    String state = SecretRecheck.stateOf(verification);
    if (recorded) {
      metrics.rechecked(state);
    }
    if (recorded && !SecretRecheck.PASSING.equals(state)) {
      log.info("Re-check of {}/{}: {}", due.tenant().value(), due.name().value(), state);
    }
    return recorded;
  }

  @Override
  public void close() {
    workers.shutdown();
  }
}

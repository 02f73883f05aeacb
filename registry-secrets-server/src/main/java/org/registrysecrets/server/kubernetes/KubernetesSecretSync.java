package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.server.secret.DockerRegistrySecret;
import org.registrysecrets.server.secret.DockerRegistrySecretChanged;
import org.registrysecrets.server.secret.DockerRegistrySecretService;
import org.registrysecrets.server.secret.SyncStatusProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Keeps each tenant's namespace matching the store. Changes enter an outbox in their own
 * transaction and are delivered after commit, with growing waits while the cluster is away; a
 * periodic full reconcile repairs drift and removes orphans, writing nothing when nothing differs.
 * Only the replica holding the database lock delivers and reconciles. Decrypted configs live only
 * in memory while a Secret is written, and nothing about them is logged.
 */
class KubernetesSecretSync implements SmartLifecycle, SyncStatusProvider {

  private static final Logger log = LoggerFactory.getLogger(KubernetesSecretSync.class);

  private final KubernetesClient cluster;
  private final DockerRegistrySecretService secrets;
  private final SyncStore store;
  private final KubernetesSyncProperties properties;
  private final Clock clock = Clock.systemUTC();
  private final String owner = UUID.randomUUID().toString();
  private @Nullable ScheduledExecutorService scheduler;
  private Instant nextReconcile = Instant.EPOCH;

  KubernetesSecretSync(
      KubernetesClient cluster,
      DockerRegistrySecretService secrets,
      SyncStore store,
      KubernetesSyncProperties properties) {
    this.cluster = cluster;
    this.secrets = secrets;
    this.store = store;
    this.properties = properties;
  }

  /**
   * Runs inside the change's transaction: the outbox row commits with the change, or neither does.
   */
  @EventListener
  void on(DockerRegistrySecretChanged change) {
    store.enqueue(change.tenant(), change.name().value(), clock.instant());
  }

  @Override
  public Map<String, DockerRegistrySecretSync> statuses(String tenant) {
    return store.statuses(tenant);
  }

  /** One round: keep the lead, deliver what is due, reconcile everything when it is time. */
  synchronized void tick() {
    Instant now = clock.instant();
    if (!store.lead(owner, now, now.plus(properties.leaseDuration()))) {
      return;
    }
    deliverPending();
    if (!now.isBefore(nextReconcile)) {
      reconcileAll();
      nextReconcile = now.plus(properties.reconcileInterval());
    }
  }

  synchronized void deliverPending() {
    for (SyncStore.Pending pending : store.due(clock.instant(), 100)) {
      try {
        reconcile(pending.tenant(), pending.name());
        store.delivered(pending);
      } catch (RuntimeException e) {
        Duration wait = backoff(pending.attempts());
        store.retryLater(pending, clock.instant().plus(wait));
        store.setState(pending.tenant(), pending.name(), stateAfter(e), null, describe(e));
        log.warn(
            "Kubernetes sync of {}/{} failed, retrying in {} s: {}",
            pending.tenant(),
            pending.name(),
            wait.toSeconds(),
            describe(e));
      }
    }
  }

  /** Compares every tenant's namespace with the store and repairs what differs. */
  synchronized void reconcileAll() {
    for (String tenant : secrets.tenants()) {
      String namespace = properties.namespaceOf(tenant);
      Set<String> desired = new HashSet<>();
      for (DockerRegistrySecret secret :
          secrets.list(tenant, Integer.MAX_VALUE, 0, false).secrets()) {
        desired.add(secret.name().value());
        try {
          reconcile(tenant, secret.name().value());
        } catch (RuntimeException e) {
          store.setState(tenant, secret.name().value(), stateAfter(e), null, describe(e));
        }
      }
      try {
        for (Secret orphan :
            cluster
                .secrets()
                .inNamespace(namespace)
                .withLabel(DesiredSecrets.MANAGED_BY, DesiredSecrets.MANAGER)
                .withLabel(DesiredSecrets.TENANT, DesiredSecrets.labelValue(tenant))
                .list()
                .getItems()) {
          String name = orphan.getMetadata().getName();
          if (!desired.contains(name)) {
            remove(namespace, name);
            store.forget(tenant, name);
          }
        }
      } catch (KubernetesClientException e) {
        log.warn("Kubernetes sync could not list namespace {}: {}", namespace, describe(e));
      }
    }
  }

  /** Makes the cluster match the store for one secret. */
  private void reconcile(String tenant, String name) {
    String namespace = properties.namespaceOf(tenant);
    Optional<DockerRegistrySecret> stored = secrets.find(tenant, SecretName.of(name));
    Secret actual = cluster.secrets().inNamespace(namespace).withName(name).get();
    if (stored.isEmpty()) {
      if (actual != null && DesiredSecrets.managed(actual)) {
        remove(namespace, name);
      } else {
        unlink(namespace, name);
      }
      store.forget(tenant, name);
      return;
    }
    if (actual != null && !DesiredSecrets.managed(actual)) {
      throw new SyncRefusedException(
          "A Secret named "
              + name
              + " in "
              + namespace
              + " is not managed by registry-secrets; it is left alone.");
    }
    Secret desired =
        DesiredSecrets.of(
            namespace,
            tenant,
            name,
            stored.get().version(),
            secrets.config(tenant, SecretName.of(name)));
    if (actual == null) {
      cluster.secrets().inNamespace(namespace).resource(desired).create();
      log.info("Kubernetes sync created Secret {}/{}", namespace, name);
    } else if (!DesiredSecrets.same(actual, desired)) {
      cluster.secrets().inNamespace(namespace).resource(desired).update();
      log.info("Kubernetes sync updated Secret {}/{}", namespace, name);
    }
    link(namespace, name);
    store.setState(tenant, name, DockerRegistrySecretSync.SYNCED, clock.instant(), null);
    store.setUsedBy(tenant, name, usedBy(namespace, name));
  }

  private void remove(String namespace, String name) {
    cluster.secrets().inNamespace(namespace).withName(name).delete();
    unlink(namespace, name);
    log.info("Kubernetes sync deleted Secret {}/{}", namespace, name);
  }

  /** Adds the secret to the configured ServiceAccounts' image pull secrets, where missing. */
  private void link(String namespace, String name) {
    for (String account : properties.serviceAccounts()) {
      ServiceAccount serviceAccount =
          cluster.serviceAccounts().inNamespace(namespace).withName(account).get();
      if (serviceAccount != null
          && !pullSecrets(serviceAccount.getImagePullSecrets()).contains(name)) {
        cluster
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .edit(sa -> new ServiceAccountBuilder(sa).addNewImagePullSecret(name).build());
      }
    }
  }

  private void unlink(String namespace, String name) {
    for (String account : properties.serviceAccounts()) {
      ServiceAccount serviceAccount =
          cluster.serviceAccounts().inNamespace(namespace).withName(account).get();
      if (serviceAccount != null
          && pullSecrets(serviceAccount.getImagePullSecrets()).contains(name)) {
        cluster
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .edit(
                sa ->
                    new ServiceAccountBuilder(sa)
                        .withImagePullSecrets(
                            sa.getImagePullSecrets().stream()
                                .filter(ref -> !name.equals(ref.getName()))
                                .toList())
                        .build());
      }
    }
  }

  /** The ServiceAccounts and Pods of the namespace that pull with the secret. */
  private List<String> usedBy(String namespace, String name) {
    List<String> users = new ArrayList<>();
    for (ServiceAccount account :
        cluster.serviceAccounts().inNamespace(namespace).list().getItems()) {
      if (pullSecrets(account.getImagePullSecrets()).contains(name)) {
        users.add("serviceaccount/" + account.getMetadata().getName());
      }
    }
    for (Pod pod : cluster.pods().inNamespace(namespace).list().getItems()) {
      if (pod.getSpec() != null
          && pullSecrets(pod.getSpec().getImagePullSecrets()).contains(name)) {
        users.add("pod/" + pod.getMetadata().getName());
      }
    }
    return users;
  }

  private static Set<String> pullSecrets(@Nullable List<LocalObjectReference> references) {
    Set<String> names = new HashSet<>();
    if (references != null) {
      references.forEach(reference -> names.add(reference.getName()));
    }
    return names;
  }

  private Duration backoff(int attempts) {
    Duration wait = properties.deliveryInterval().multipliedBy(1L << Math.min(attempts, 10));
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }

  /** A cluster that is away leaves a change pending; a cluster that refuses it marks it failed. */
  private static String stateAfter(RuntimeException e) {
    if (e instanceof SyncRefusedException) {
      return DockerRegistrySecretSync.FAILED;
    }
    if (e instanceof KubernetesClientException k8s
        && k8s.getCode() >= 400
        && k8s.getCode() < 500
        && k8s.getCode() != 409
        && k8s.getCode() != 429) {
      return DockerRegistrySecretSync.FAILED;
    }
    return DockerRegistrySecretSync.PENDING;
  }

  /**
   * A message for people, from the API server's status; never the request, which holds credentials.
   */
  static String describe(RuntimeException e) {
    if (e instanceof SyncRefusedException) {
      return String.valueOf(e.getMessage());
    }
    if (e instanceof KubernetesClientException k8s) {
      if (k8s.getStatus() != null && k8s.getStatus().getMessage() != null) {
        // Validation and admission messages may quote the submitted value ("Invalid value: ..."),
        // which for a Secret is the credential: every quoted part is blanked.
        String message = k8s.getStatus().getMessage().replaceAll("\"[^\"]*\"", "\"…\"");
        return SyncStore.truncate("Kubernetes answered " + k8s.getCode() + ": " + message, 1000);
      }
      return k8s.getCode() > 0
          ? "Kubernetes answered " + k8s.getCode()
          : "The Kubernetes API cannot be reached";
    }
    return "The sync failed: " + e.getClass().getSimpleName();
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "kubernetes-sync");
              thread.setDaemon(true);
              return thread;
            });
    long delay = properties.deliveryInterval().toMillis();
    executor.scheduleWithFixedDelay(this::safeTick, delay, delay, TimeUnit.MILLISECONDS);
    scheduler = executor;
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("Kubernetes sync round failed: {}", describe(e));
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = scheduler;
    if (executor != null) {
      executor.shutdownNow();
      scheduler = null;
      store.release(owner);
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Something the sync will not do, such as overwriting a Secret it does not manage. */
  static final class SyncRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyncRefusedException(String message) {
      super(message);
    }
  }
}

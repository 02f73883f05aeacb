package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.server.kubernetes.SyncFailures.SyncRefusedException;
import org.registrysecrets.server.secret.DockerRegistrySecret;
import org.registrysecrets.server.secret.DockerRegistrySecretService;
import org.registrysecrets.server.secret.Paging;
import org.registrysecrets.server.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a namespace match the store: creates, updates or deletes the managed Secret of one secret,
 * or of every secret of every tenant, writing only what differs. Idempotent; Secrets it does not
 * manage are left alone. Decrypted configs live only in memory while a Secret is written.
 */
class SecretReconciler {

  private static final Logger log = LoggerFactory.getLogger(SecretReconciler.class);

  private final KubernetesClient cluster;
  private final DockerRegistrySecretService secrets;
  private final SyncStates states;
  private final PullSecretLinker linker;
  private final KubernetesSyncProperties properties;
  private final Clock clock;

  SecretReconciler(
      KubernetesClient cluster,
      DockerRegistrySecretService secrets,
      SyncStates states,
      PullSecretLinker linker,
      KubernetesSyncProperties properties,
      Clock clock) {
    this.cluster = cluster;
    this.secrets = secrets;
    this.states = states;
    this.linker = linker;
    this.properties = properties;
    this.clock = clock;
  }

  /** Compares every tenant's namespace with the store and repairs what differs. */
  synchronized void reconcileAll() {
    for (TenantId tenant : secrets.tenants()) {
      String namespace = properties.namespaceOf(tenant.value());
      Set<String> desired = new HashSet<>();
      for (DockerRegistrySecret secret : secrets.list(tenant, Paging.ALL).secrets()) {
        desired.add(secret.name().value());
        try {
          reconcile(tenant, secret.name());
        } catch (RuntimeException e) {
          states.set(
              tenant, secret.name(), SyncFailures.stateAfter(e), null, SyncFailures.describe(e));
        }
      }
      try {
        for (Secret orphan :
            cluster
                .secrets()
                .inNamespace(namespace)
                .withLabel(DesiredSecrets.MANAGED_BY, DesiredSecrets.MANAGER)
                .withLabel(DesiredSecrets.TENANT, DesiredSecrets.labelValue(tenant.value()))
                .list()
                .getItems()) {
          String name = orphan.getMetadata().getName();
          if (!desired.contains(name)) {
            remove(namespace, name);
            states.forget(tenant, SecretName.of(name));
          }
        }
      } catch (KubernetesClientException e) {
        log.warn(
            "Kubernetes sync could not list namespace {}: {}", namespace, SyncFailures.describe(e));
      }
    }
  }

  /**
   * Makes the cluster match the store for one secret.
   *
   * @throws SyncRefusedException if a Secret of that name exists that the sync does not manage
   * @throws KubernetesClientException if the cluster refused or could not be reached
   */
  synchronized void reconcile(TenantId tenant, SecretName name) {
    String namespace = properties.namespaceOf(tenant.value());
    Optional<DockerRegistrySecret> stored = secrets.find(tenant, name);
    Secret actual = cluster.secrets().inNamespace(namespace).withName(name.value()).get();
    if (stored.isEmpty()) {
      if (actual != null && DesiredSecrets.managed(actual)) {
        remove(namespace, name.value());
      } else {
        linker.unlink(namespace, name.value());
      }
      states.forget(tenant, name);
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
            tenant.value(),
            name.value(),
            stored.get().version(),
            secrets.config(tenant, name));
    if (actual == null) {
      cluster.secrets().inNamespace(namespace).resource(desired).create();
      log.info("Kubernetes sync created Secret {}/{}", namespace, name);
    } else if (!DesiredSecrets.same(actual, desired)) {
      cluster.secrets().inNamespace(namespace).resource(desired).update();
      log.info("Kubernetes sync updated Secret {}/{}", namespace, name);
    }
    linker.link(namespace, name.value());
    states.set(tenant, name, DockerRegistrySecretSync.SYNCED, clock.instant(), null);
    states.setUsage(tenant, name, linker.usage(namespace, name.value()));
  }

  private void remove(String namespace, String name) {
    cluster.secrets().inNamespace(namespace).withName(name).delete();
    linker.unlink(namespace, name);
    log.info("Kubernetes sync deleted Secret {}/{}", namespace, name);
  }
}

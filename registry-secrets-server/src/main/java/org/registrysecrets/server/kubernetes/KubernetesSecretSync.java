package org.registrysecrets.server.kubernetes;

import java.time.Clock;
import java.util.Map;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.server.secret.DockerRegistrySecretChanged;
import org.registrysecrets.server.secret.SyncStatusProvider;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.context.event.EventListener;

/**
 * Where the secret store meets the sync: each change enters the outbox inside its own transaction
 * (both commit or neither), and the API's metadata reads each secret's sync state from here.
 * Delivery is {@link SyncDeliveryScheduler}'s, the cluster work {@link SecretReconciler}'s.
 */
class KubernetesSecretSync implements SyncStatusProvider {

  private final SyncOutbox outbox;
  private final SyncStates states;
  private final Clock clock;

  KubernetesSecretSync(SyncOutbox outbox, SyncStates states, Clock clock) {
    this.outbox = outbox;
    this.states = states;
    this.clock = clock;
  }

  @EventListener
  void on(DockerRegistrySecretChanged change) {
    outbox.enqueue(change.tenant(), change.name(), clock.instant());
    states.set(change.tenant(), change.name(), DockerRegistrySecretSync.PENDING, null, null);
  }

  @Override
  public Map<String, DockerRegistrySecretSync> statuses(TenantId tenant) {
    return states.of(tenant);
  }
}

package org.registrysecrets.server.secret;

import java.util.Map;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.server.tenant.TenantId;

/** Tells where a tenant's secrets stand in a cluster; present only when a sync is on. */
public interface SyncStatusProvider {

  /** The sync state of each of the tenant's secrets that has one, by name. */
  Map<String, DockerRegistrySecretSync> statuses(TenantId tenant);
}

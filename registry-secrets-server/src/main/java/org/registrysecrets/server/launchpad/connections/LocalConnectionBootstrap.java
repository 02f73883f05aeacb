package org.registrysecrets.server.launchpad.connections;

import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.issuer.ServiceKeyService;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh install its {@code local} connection: this server's own API, with a service key of
 * the {@code default} tenant made for the Launchpad (only with the embedded issuer).
 */
@Component
class LocalConnectionBootstrap {

  private final ConnectionService connections;
  private final ObjectProvider<ServiceKeyService> serviceKeys;

  LocalConnectionBootstrap(
      ConnectionService connections, ObjectProvider<ServiceKeyService> serviceKeys) {
    this.connections = connections;
    this.serviceKeys = serviceKeys;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void ensureLocalConnection() {
    ServiceKeyService keys = serviceKeys.getIfAvailable();
    if (keys == null || connections.exists(ConnectionService.LOCAL)) {
      return;
    }
    ServiceKey key =
        keys.create(TenantId.DEFAULT, ServiceKeyRole.EDITOR, "Launchpad connection 'local'");
    try {
      connections.createLocal(key);
    } catch (DuplicateKeyException e) {
      keys.revoke(key.clientid()); // a replica that started at the same time made the connection
    }
  }
}

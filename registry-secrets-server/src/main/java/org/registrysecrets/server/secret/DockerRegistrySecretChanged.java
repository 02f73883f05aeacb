package org.registrysecrets.server.secret;

import org.registrysecrets.api.SecretName;
import org.registrysecrets.server.tenant.TenantId;

/**
 * Published inside the transaction of a create, modify or delete; consumers read the current state.
 */
public record DockerRegistrySecretChanged(TenantId tenant, SecretName name, SecretAction action) {}

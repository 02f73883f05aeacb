package org.registrysecrets.server.issuer;

import java.nio.file.Path;
import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.instance.DataDirectory;
import org.registrysecrets.server.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code service-key.json} for the {@code default} tenant: created on first start, reused
 * later, its URLs updated when the public URL changed. The log says how to use it, never what the
 * secret is.
 */
@Component
@ConditionalOnProperty(name = "regsecrets.issuer.enabled", matchIfMissing = true)
class BootstrapServiceKey {

  static final String FILE_NAME = "service-key.json";
  private static final Logger log = LoggerFactory.getLogger(BootstrapServiceKey.class);

  private final ServiceKeyService serviceKeys;
  private final DataDirectory dataDirectory;
  private final JsonMapper json;

  BootstrapServiceKey(ServiceKeyService serviceKeys, DataDirectory dataDirectory, JsonMapper json) {
    this.serviceKeys = serviceKeys;
    this.dataDirectory = dataDirectory;
    this.json = json;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureBootstrapKey() {
    byte[] stored = dataDirectory.readIfExists(FILE_NAME);
    ServiceKey existing = stored == null ? null : json.readValue(stored, ServiceKey.class);
    ServiceKey current;
    if (existing == null) {
      current =
          serviceKeys.register(
              TenantId.DEFAULT,
              ServiceKeyRole.ADMIN,
              "Bootstrap key of the default tenant",
              ServiceKeyService.newClientId(),
              ServiceKeyService.newClientSecret());
    } else {
      if (serviceKeys.findActive(existing.clientid()).isEmpty()) {
        try {
          serviceKeys.register(
              TenantId.of(existing.identityzone()),
              ServiceKeyRole.ADMIN,
              "Bootstrap key of the default tenant",
              existing.clientid(),
              existing.clientsecret());
        } catch (DuplicateKeyException e) {
          // a replica that started at the same time on the same key file registered it
        }
      }
      current =
          serviceKeys.serviceKey(
              existing.clientid(), existing.clientsecret(), existing.identityzone());
    }
    if (!current.equals(existing)) {
      dataDirectory.writeOwnerOnly(
          FILE_NAME, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(current));
    }
    Path file = dataDirectory.resolve(FILE_NAME);
    String url = current.url();
    log.info(
        "Service key of tenant '{}' (role editor + service key management): {}\n"
            + "  Get a token and list the secrets:\n"
            + "  TOKEN=$(curl -s -u \"$(jq -r .clientid {}):$(jq -r .clientsecret {})\""
            + " -d grant_type=client_credentials {}/oauth/token | jq -r .access_token)\n"
            + "  curl -H \"Authorization: Bearer $TOKEN\" {}/v2/admin/dockerRegistrySecrets",
        current.identityzone(),
        file,
        file,
        file,
        url,
        url);
  }
}

package org.registrysecrets.server.secret;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.json.JsonMappers;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.ContentFingerprints;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kept versions of each secret in {@code secret_version}: written in the change's own
 * transaction, the content encrypted exactly like the secret's row, the oldest forgotten beyond
 * {@code regsecrets.secrets.versions-kept}.
 */
@Component
class SecretVersions {

  private static final JsonMapper JSON = JsonMappers.builder().build();

  private final JdbcClient jdbc;
  private final ContentFingerprints fingerprints;
  private final SecretProperties properties;

  SecretVersions(JdbcClient jdbc, ContentFingerprints fingerprints, SecretProperties properties) {
    this.jdbc = jdbc;
    this.fingerprints = fingerprints;
    this.properties = properties;
  }

  /** A kept version's content and the expiry it had. */
  record Content(Ciphertext ciphertext, @Nullable SecretExpiry expiry) {}

  /** Keeps {@code version} of a secret, and forgets the versions beyond the limit. */
  void record(
      Caller caller,
      SecretName name,
      long version,
      Instant at,
      DockerConfigJson config,
      Ciphertext ciphertext,
      @Nullable SecretExpiry expiry) {
    TenantId tenant = caller.tenant();
    jdbc.sql(
            "insert into secret_version (tenant, secret_name, version, created_at, actor, origin,"
                + " registries, fingerprint, key_id, ciphertext, expiry)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            Arrays.asList(
                tenant.value(),
                name.value(),
                version,
                SqlValues.utc(at),
                SqlValues.fit(caller.actor(), 256),
                SqlValues.fit(caller.origin(), 64),
                String.join(",", config.registries()),
                fingerprints.of(tenant, config),
                ciphertext.keyId(),
                ciphertext.bytes(),
                expiry == null ? null : JSON.writeValueAsString(expiry)))
        .update();
    long oldest = version - properties.versionsKept();
    if (oldest > 0) {
      jdbc.sql("delete from secret_version where tenant = ? and secret_name = ? and version <= ?")
          .params(tenant.value(), name.value(), oldest)
          .update();
    }
  }

  /** The kept versions, newest first. */
  List<SecretVersion> list(TenantId tenant, SecretName name) {
    return jdbc.sql(
            "select version, created_at, actor, origin, registries, fingerprint"
                + " from secret_version where tenant = ? and secret_name = ? order by version desc")
        .params(tenant.value(), name.value())
        .query(
            (rs, row) ->
                new SecretVersion(
                    rs.getLong(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5).isEmpty()
                        ? List.of()
                        : Arrays.asList(rs.getString(5).split(",")),
                    rs.getString(6)))
        .list();
  }

  Optional<Content> content(TenantId tenant, SecretName name, long version) {
    return jdbc.sql(
            "select ciphertext, key_id, expiry from secret_version"
                + " where tenant = ? and secret_name = ? and version = ?")
        .params(tenant.value(), name.value(), version)
        .query(
            (rs, row) ->
                new Content(
                    new Ciphertext(rs.getBytes(1), rs.getLong(2)),
                    rs.getString(3) == null
                        ? null
                        : JSON.readValue(rs.getString(3), SecretExpiry.class)))
        .optional();
  }

  void deleteAll(TenantId tenant, SecretName name) {
    jdbc.sql("delete from secret_version where tenant = ? and secret_name = ?")
        .params(tenant.value(), name.value())
        .update();
  }
}

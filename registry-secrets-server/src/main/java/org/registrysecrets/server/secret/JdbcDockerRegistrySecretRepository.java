package org.registrysecrets.server.secret;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.crypto.Ciphertext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Plain SQL that runs unchanged on H2 and PostgreSQL. */
@Repository
class JdbcDockerRegistrySecretRepository implements DockerRegistrySecretRepository {

  private static final String METADATA =
      "select name, created_at, modified_at, registries, version, verification"
          + " from docker_registry_secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  JdbcDockerRegistrySecretRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public List<DockerRegistrySecret> list(String tenant, int limit, long offset) {
    return jdbc.sql(METADATA + " where tenant = ? order by name limit ? offset ?")
        .params(tenant, limit, offset)
        .query(JdbcDockerRegistrySecretRepository::metadata)
        .list();
  }

  @Override
  public long count(String tenant) {
    return jdbc.sql("select count(*) from docker_registry_secret where tenant = ?")
        .param(tenant)
        .query(Long.class)
        .single();
  }

  @Override
  public Optional<DockerRegistrySecret> find(String tenant, SecretName name) {
    return jdbc.sql(METADATA + " where tenant = ? and name = ?")
        .params(tenant, name.value())
        .query(JdbcDockerRegistrySecretRepository::metadata)
        .optional();
  }

  @Override
  public Optional<Ciphertext> findCiphertext(String tenant, SecretName name) {
    return jdbc.sql(
            "select ciphertext, key_id from docker_registry_secret where tenant = ? and name = ?")
        .params(tenant, name.value())
        .query((rs, row) -> new Ciphertext(rs.getBytes("ciphertext"), rs.getLong("key_id")))
        .optional();
  }

  @Override
  public void insert(String tenant, DockerRegistrySecret secret, Ciphertext ciphertext) {
    jdbc.sql(
            "insert into docker_registry_secret (tenant, name, version, created_at, modified_at,"
                + " registries, key_id, ciphertext, verification) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            java.util.Arrays.asList(
                tenant,
                secret.name().value(),
                secret.version(),
                utc(secret.createdAt()),
                utc(secret.modifiedAt()),
                String.join(",", secret.registries()),
                ciphertext.keyId(),
                ciphertext.bytes(),
                json(secret.verification())))
        .update();
  }

  @Override
  public boolean update(
      String tenant,
      SecretName name,
      @Nullable Long expectedVersion,
      List<String> registries,
      Ciphertext ciphertext,
      Instant modifiedAt,
      @Nullable RegistryVerification verification) {
    List<Object> params = new ArrayList<>();
    params.add(utc(modifiedAt));
    params.add(String.join(",", registries));
    params.add(ciphertext.keyId());
    params.add(ciphertext.bytes());
    params.add(json(verification));
    params.add(tenant);
    params.add(name.value());
    return jdbc.sql(
                "update docker_registry_secret set version = version + 1, modified_at = ?,"
                    + " registries = ?, key_id = ?, ciphertext = ?, verification = ?"
                    + " where tenant = ? and name = ?"
                    + versionCondition(expectedVersion, params))
            .params(params)
            .update()
        == 1;
  }

  @Override
  public boolean updateVerification(
      String tenant, SecretName name, RegistryVerification verification) {
    return jdbc.sql(
                "update docker_registry_secret set verification = ? where tenant = ? and name = ?")
            .params(JSON.writeValueAsString(verification), tenant, name.value())
            .update()
        == 1;
  }

  @Override
  public boolean delete(String tenant, SecretName name, @Nullable Long expectedVersion) {
    List<Object> params = new ArrayList<>(List.of(tenant, name.value()));
    return jdbc.sql(
                "delete from docker_registry_secret where tenant = ? and name = ?"
                    + versionCondition(expectedVersion, params))
            .params(params)
            .update()
        == 1;
  }

  /** The optimistic-locking condition, with its parameter appended to {@code params}. */
  private static String versionCondition(@Nullable Long expectedVersion, List<Object> params) {
    if (expectedVersion == null) {
      return "";
    }
    params.add(expectedVersion);
    return " and version = ?";
  }

  @Override
  public boolean reserveSlot(String tenant, long maxCount) {
    if (incrementBelow(tenant, maxCount)) {
      return true;
    }
    if (usageRowExists(tenant)) {
      return false;
    }
    createUsageRow(tenant);
    return incrementBelow(tenant, maxCount);
  }

  @Override
  public void releaseSlot(String tenant) {
    jdbc.sql(
            "update tenant_usage set secret_count = secret_count - 1"
                + " where tenant = ? and secret_count > 0")
        .param(tenant)
        .update();
  }

  @Override
  public List<String> tenants() {
    return jdbc.sql("select tenant from tenant_usage order by tenant").query(String.class).list();
  }

  private boolean incrementBelow(String tenant, long maxCount) {
    return jdbc.sql(
                "update tenant_usage set secret_count = secret_count + 1"
                    + " where tenant = ? and secret_count < ?")
            .params(tenant, maxCount)
            .update()
        == 1;
  }

  private boolean usageRowExists(String tenant) {
    return jdbc.sql("select count(*) from tenant_usage where tenant = ?")
            .param(tenant)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Creates the tenant's counter in a transaction of its own: on PostgreSQL a failed insert would
   * abort the caller's transaction, and a concurrent first create may win the race.
   */
  private void createUsageRow(String tenant) {
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      "insert into tenant_usage (tenant, secret_count) select ?, count(*) from"
                          + " docker_registry_secret where tenant = ?")
                  .params(tenant, tenant)
                  .update());
    } catch (DuplicateKeyException e) {
      // Another request created it first; the caller retries the increment.
    }
  }

  private static DockerRegistrySecret metadata(ResultSet rs, int row) throws SQLException {
    String registries = rs.getString("registries");
    return new DockerRegistrySecret(
        SecretName.of(rs.getString("name")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("modified_at", OffsetDateTime.class).toInstant(),
        registries.isEmpty() ? List.of() : Arrays.asList(registries.split(",")),
        rs.getLong("version"),
        verification(rs.getString("verification")));
  }

  private static @Nullable String json(@Nullable RegistryVerification verification) {
    return verification == null ? null : JSON.writeValueAsString(verification);
  }

  private static @Nullable RegistryVerification verification(@Nullable String json) {
    return json == null ? null : JSON.readValue(json, RegistryVerification.class);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

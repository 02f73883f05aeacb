package org.registrysecrets.server.secret;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
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
  private final TransactionTemplate savepoint;

  JdbcDockerRegistrySecretRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public List<DockerRegistrySecret> list(TenantId tenant, Paging paging) {
    return jdbc.sql(METADATA + " where tenant = ? order by name limit ? offset ?")
        .params(tenant.value(), paging.top(), paging.skip())
        .query(JdbcDockerRegistrySecretRepository::metadata)
        .list();
  }

  @Override
  public long count(TenantId tenant) {
    return jdbc.sql("select count(*) from docker_registry_secret where tenant = ?")
        .param(tenant.value())
        .query(Long.class)
        .single();
  }

  @Override
  public Optional<DockerRegistrySecret> find(TenantId tenant, SecretName name) {
    return jdbc.sql(METADATA + " where tenant = ? and name = ?")
        .params(tenant.value(), name.value())
        .query(JdbcDockerRegistrySecretRepository::metadata)
        .optional();
  }

  @Override
  public Optional<Ciphertext> findCiphertext(TenantId tenant, SecretName name) {
    return jdbc.sql(
            "select ciphertext, key_id from docker_registry_secret where tenant = ? and name = ?")
        .params(tenant.value(), name.value())
        .query((rs, row) -> new Ciphertext(rs.getBytes("ciphertext"), rs.getLong("key_id")))
        .optional();
  }

  @Override
  public void insert(TenantId tenant, DockerRegistrySecret secret, Ciphertext ciphertext) {
    jdbc.sql(
            "insert into docker_registry_secret (tenant, name, version, created_at, modified_at,"
                + " registries, key_id, ciphertext, verification) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            Arrays.asList(
                tenant.value(),
                secret.name().value(),
                secret.version(),
                SqlValues.utc(secret.createdAt()),
                SqlValues.utc(secret.modifiedAt()),
                String.join(",", secret.registries()),
                ciphertext.keyId(),
                ciphertext.bytes(),
                json(secret.verification())))
        .update();
  }

  @Override
  public boolean update(
      TenantId tenant,
      SecretName name,
      ExpectedVersions expected,
      List<String> registries,
      Ciphertext ciphertext,
      Instant modifiedAt,
      @Nullable RegistryVerification verification) {
    List<Object> params = new ArrayList<>();
    params.add(SqlValues.utc(modifiedAt));
    params.add(String.join(",", registries));
    params.add(ciphertext.keyId());
    params.add(ciphertext.bytes());
    params.add(json(verification));
    params.add(tenant.value());
    params.add(name.value());
    return jdbc.sql(
                "update docker_registry_secret set version = version + 1, modified_at = ?,"
                    + " registries = ?, key_id = ?, ciphertext = ?, verification = ?"
                    + " where tenant = ? and name = ?"
                    + versionCondition(expected, params))
            .params(params)
            .update()
        == 1;
  }

  @Override
  public boolean updateVerification(
      TenantId tenant, SecretName name, RegistryVerification verification) {
    return jdbc.sql(
                "update docker_registry_secret set verification = ? where tenant = ? and name = ?")
            .params(JSON.writeValueAsString(verification), tenant.value(), name.value())
            .update()
        == 1;
  }

  @Override
  public boolean delete(TenantId tenant, SecretName name, ExpectedVersions expected) {
    List<Object> params = new ArrayList<>(List.of(tenant.value(), name.value()));
    return jdbc.sql(
                "delete from docker_registry_secret where tenant = ? and name = ?"
                    + versionCondition(expected, params))
            .params(params)
            .update()
        == 1;
  }

  /**
   * The optimistic-locking condition as one predicate ({@code version in (...)}), with its
   * parameters appended to {@code params}.
   */
  private static String versionCondition(ExpectedVersions expected, List<Object> params) {
    if (expected.any()) {
      return "";
    }
    params.addAll(expected.versions());
    return " and version in ("
        + String.join(", ", Collections.nCopies(expected.versions().size(), "?"))
        + ")";
  }

  /**
   * The increment holds the counter row's lock until the transaction ends, so concurrent creates in
   * one tenant queue up on it. A tenant's first create finds no row: it creates one and tries once
   * more, and that second increment decides, whoever created the row.
   */
  @Override
  public boolean reserveSlot(TenantId tenant, long maxCount) {
    if (incrementBelow(tenant, maxCount)) {
      return true;
    }
    createUsageRowIfMissing(tenant);
    return incrementBelow(tenant, maxCount);
  }

  @Override
  public void releaseSlot(TenantId tenant) {
    jdbc.sql(
            "update tenant_usage set secret_count = secret_count - 1"
                + " where tenant = ? and secret_count > 0")
        .param(tenant.value())
        .update();
  }

  @Override
  public List<TenantId> tenants() {
    return jdbc
        .sql("select tenant from tenant_usage order by tenant")
        .query(String.class)
        .list()
        .stream()
        .map(TenantId::of)
        .toList();
  }

  private boolean incrementBelow(TenantId tenant, long maxCount) {
    return jdbc.sql(
                "update tenant_usage set secret_count = secret_count + 1"
                    + " where tenant = ? and secret_count < ?")
            .params(tenant.value(), maxCount)
            .update()
        == 1;
  }

  /**
   * Creates the tenant's counter behind a savepoint on the caller's connection: if a concurrent
   * first create made it already, only the savepoint rolls back (on PostgreSQL a failed insert
   * would otherwise abort the whole transaction), and no second connection is taken.
   */
  private void createUsageRowIfMissing(TenantId tenant) {
    try {
      savepoint.executeWithoutResult(
          status ->
              jdbc.sql(
                      "insert into tenant_usage (tenant, secret_count) select ?, count(*) from"
                          + " docker_registry_secret where tenant = ?"
                          + " and not exists (select 1 from tenant_usage where tenant = ?)")
                  .params(tenant.value(), tenant.value(), tenant.value())
                  .update());
    } catch (DuplicateKeyException e) {
      // Another request created it first; the caller's next increment decides.
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
}

package org.registrysecrets.server.secret;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.json.JsonMappers;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plain SQL that runs unchanged on H2 and PostgreSQL. */
@Repository
class JdbcDockerRegistrySecretRepository implements DockerRegistrySecretRepository {

  private static final String METADATA =
      "select s.name, s.created_at, s.modified_at, s.registries, s.version, s.verification,"
          + " s.expiry, s.recheck_every, s.recheck_next_at, s.recheck_state, c.type source_type,"
          + " c.expires_at source_expires_at, c.renewed_at, c.renew_at, c.state source_state,"
          + " c.message source_message from docker_registry_secret s left join credential_source c"
          + " on c.tenant = s.tenant and c.secret_name = s.name";
  private static final JsonMapper JSON = JsonMappers.builder().build();

  private final JdbcClient jdbc;

  JdbcDockerRegistrySecretRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<DockerRegistrySecret> list(TenantId tenant, Paging paging) {
    return jdbc.sql(METADATA + " where s.tenant = ? order by s.name limit ? offset ?")
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
    return jdbc.sql(METADATA + " where s.tenant = ? and s.name = ?")
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
    SecretExpiry expiry = secret.expiry();
    SecretRecheck recheck = secret.recheck();
    jdbc.sql(
            "insert into docker_registry_secret (tenant, name, version, created_at, modified_at,"
                + " registries, key_id, ciphertext, verification, expiry, expires_at,"
                + " recheck_every, recheck_next_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
                json(secret.verification()),
                expiry == null ? null : JSON.writeValueAsString(expiry),
                expiry == null ? null : SqlValues.utc(expiry.earliest()),
                recheck == null ? null : recheck.every().toSeconds(),
                recheck == null ? null : SqlValues.utc(recheck.nextAt())))
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
      @Nullable RegistryVerification verification,
      @Nullable SecretExpiry expiry) {
    List<Object> params = new ArrayList<>();
    params.add(SqlValues.utc(modifiedAt));
    params.add(String.join(",", registries));
    params.add(ciphertext.keyId());
    params.add(ciphertext.bytes());
    params.add(json(verification));
    params.add(expiry == null ? null : JSON.writeValueAsString(expiry));
    params.add(expiry == null ? null : SqlValues.utc(expiry.earliest()));
    params.add(tenant.value());
    params.add(name.value());
    return jdbc.sql(
                "update docker_registry_secret set version = version + 1, modified_at = ?,"
                    + " registries = ?, key_id = ?, ciphertext = ?, verification = ?,"
                    + " expiry = ?, expires_at = ?"
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
   * one tenant queue up on it and the quota can never be exceeded.
   */
  @Override
  public boolean reserveSlot(TenantId tenant, long maxCount) {
    return jdbc.sql(
                "update tenant_usage set secret_count = secret_count + 1"
                    + " where tenant = ? and secret_count < ?")
            .params(tenant.value(), maxCount)
            .update()
        == 1;
  }

  @Override
  public boolean hasQuotaCounter(TenantId tenant) {
    return jdbc.sql("select count(*) from tenant_usage where tenant = ?")
            .param(tenant.value())
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public void createQuotaCounterIfMissing(TenantId tenant) {
    // HAVING, not WHERE: an aggregate without GROUP BY yields its one row even when WHERE matches
    // nothing, and an existing counter must yield no row at all.
    jdbc.sql(
            "insert into tenant_usage (tenant, secret_count) select ?, count(*) from"
                + " docker_registry_secret where tenant = ?"
                + " having not exists (select 1 from tenant_usage where tenant = ?)")
        .params(tenant.value(), tenant.value(), tenant.value())
        .update();
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

  private static DockerRegistrySecret metadata(ResultSet rs, int row) throws SQLException {
    String registries = rs.getString("registries");
    return new DockerRegistrySecret(
        SecretName.of(rs.getString("name")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("modified_at", OffsetDateTime.class).toInstant(),
        registries.isEmpty() ? List.of() : Arrays.asList(registries.split(",")),
        rs.getLong("version"),
        verification(rs.getString("verification")),
        expiry(rs.getString("expiry")),
        recheck(rs),
        source(rs));
  }

  private static @Nullable SecretSource source(ResultSet rs) throws SQLException {
    String type = rs.getString("source_type");
    return type == null
        ? null
        : new SecretSource(
            type,
            SqlValues.instant(rs, "source_expires_at"),
            SqlValues.instantOrNull(rs, "renewed_at"),
            SqlValues.instant(rs, "renew_at"),
            rs.getString("source_state"),
            rs.getString("source_message"));
  }

  private static @Nullable SecretRecheck recheck(ResultSet rs) throws SQLException {
    long every = rs.getLong("recheck_every");
    Instant nextAt = SqlValues.instantOrNull(rs, "recheck_next_at");
    return every <= 0 || nextAt == null
        ? null
        : new SecretRecheck(Duration.ofSeconds(every), nextAt, rs.getString("recheck_state"));
  }

  @Override
  public List<DueRecheck> dueRechecks(Instant now, int limit) {
    return jdbc.sql(
            "select tenant, name, recheck_every, recheck_next_at from docker_registry_secret"
                + " where recheck_next_at <= ? order by recheck_next_at limit ?")
        .params(SqlValues.utc(now), limit)
        .query(
            (rs, row) ->
                new DueRecheck(
                    TenantId.of(rs.getString("tenant")),
                    SecretName.of(rs.getString("name")),
                    Duration.ofSeconds(rs.getLong("recheck_every")),
                    SqlValues.instant(rs, "recheck_next_at")))
        .list();
  }

  @Override
  public boolean claimRecheck(DueRecheck due, Instant next) {
    return jdbc.sql(
                "update docker_registry_secret set recheck_next_at = ?"
                    + " where tenant = ? and name = ? and recheck_next_at = ?")
            .params(
                SqlValues.utc(next),
                due.tenant().value(),
                due.name().value(),
                SqlValues.utc(due.nextAt()))
            .update()
        == 1;
  }

  @Override
  public boolean recordRecheck(
      TenantId tenant,
      SecretName name,
      long version,
      RegistryVerification verification,
      String state) {
    return jdbc.sql(
                "update docker_registry_secret set verification = ?, recheck_state = ?"
                    + " where tenant = ? and name = ? and version = ? and recheck_every is not null")
            .params(
                JSON.writeValueAsString(verification), state, tenant.value(), name.value(), version)
            .update()
        == 1;
  }

  @Override
  public void setRecheck(TenantId tenant, SecretName name, @Nullable SecretRecheck recheck) {
    jdbc.sql(
            "update docker_registry_secret set recheck_every = ?, recheck_next_at = ?,"
                + " recheck_state = null where tenant = ? and name = ?")
        .params(
            Arrays.asList(
                recheck == null ? null : recheck.every().toSeconds(),
                recheck == null ? null : SqlValues.utc(recheck.nextAt()),
                tenant.value(),
                name.value()))
        .update();
  }

  private static @Nullable SecretExpiry expiry(@Nullable String json) {
    return json == null ? null : JSON.readValue(json, SecretExpiry.class);
  }

  private static @Nullable String json(@Nullable RegistryVerification verification) {
    return verification == null ? null : JSON.writeValueAsString(verification);
  }

  private static @Nullable RegistryVerification verification(@Nullable String json) {
    return json == null ? null : JSON.readValue(json, RegistryVerification.class);
  }
}

package org.registrysecrets.server.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.server.crypto.CipherContext;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SealedRows;
import org.registrysecrets.server.crypto.SealedTable;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook} table; the signing secret is sealed for its tenant and webhook id. */
@Repository
class WebhookRepository {

  private static final String COLUMNS = "id, tenant, url, events, created_at, created_by";

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  WebhookRepository(JdbcClient jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  void insert(Webhook webhook, Plaintext secret) {
    Ciphertext sealed = cipher.encrypt(secret, context(webhook.tenant(), webhook.id()));
    jdbc.sql(
            "insert into webhook (id, tenant, url, events, secret_ciphertext, key_id, created_at,"
                + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            webhook.id(),
            webhook.tenant().value(),
            webhook.url(),
            String.join(",", webhook.events()),
            sealed.bytes(),
            sealed.keyId(),
            SqlValues.utc(webhook.createdAt()),
            webhook.createdBy())
        .update();
  }

  List<Webhook> list(TenantId tenant) {
    return jdbc.sql("select " + COLUMNS + " from webhook where tenant = ? order by created_at, id")
        .param(tenant.value())
        .query(WebhookRepository::webhook)
        .list();
  }

  Optional<Webhook> find(TenantId tenant, String id) {
    return jdbc.sql("select " + COLUMNS + " from webhook where tenant = ? and id = ?")
        .params(tenant.value(), id)
        .query(WebhookRepository::webhook)
        .optional();
  }

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from webhook where tenant = ?")
        .param(tenant.value())
        .query(Long.class)
        .single();
  }

  boolean delete(TenantId tenant, String id) {
    return jdbc.sql("delete from webhook where tenant = ? and id = ?")
            .params(tenant.value(), id)
            .update()
        == 1;
  }

  /** Where a delivery goes and the secret that signs it, unsealed for that one delivery. */
  record Target(String url, Plaintext secret) {}

  /** The webhook's URL and signing secret, in one read; empty if it was removed. */
  Optional<Target> target(TenantId tenant, String id) {
    return jdbc.sql(
            "select url, secret_ciphertext, key_id from webhook where tenant = ? and id = ?")
        .params(tenant.value(), id)
        .query(
            (rs, row) ->
                new Target(
                    rs.getString(1),
                    cipher.decrypt(
                        new Ciphertext(rs.getBytes(2), rs.getLong(3)), context(tenant, id))))
        .optional();
  }

  /** The signing secrets, for a data key rotation. */
  SealedRows sealedRows() {
    return new SealedTable(
        jdbc,
        "webhook",
        "secret_ciphertext",
        List.of("tenant", "id"),
        (key, stored) -> {
          CipherContext context = context(TenantId.of((String) key.get(0)), (String) key.get(1));
          return cipher.encrypt(cipher.decrypt(stored, context), context);
        });
  }

  private static CipherContext context(TenantId tenant, String id) {
    return new CipherContext("webhook-secret/v1", tenant.value() + "/" + id);
  }

  private static Webhook webhook(ResultSet rs, int row) throws SQLException {
    return new Webhook(
        rs.getString("id"),
        new TenantId(rs.getString("tenant")),
        rs.getString("url"),
        Arrays.asList(rs.getString("events").split(",")),
        SqlValues.instant(rs, "created_at"),
        rs.getString("created_by"));
  }
}

package org.registrysecrets.server.launchpad.connections;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.server.crypto.CipherContext;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SealedRows;
import org.registrysecrets.server.crypto.SealedTable;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.storage.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Connections in {@code ai_api_connection}; the client secret only ever as ciphertext. */
@Repository
class ConnectionRepository {

  private static final String PURPOSE = "connection-client-secret/v1";
  private static final String COLUMNS =
      "select name, ai_api_url, token_url, client_id, builtin, modified_at from ai_api_connection";

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  ConnectionRepository(JdbcClient jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  List<AiApiConnection> list() {
    return jdbc.sql(COLUMNS + " order by name").query(ConnectionRepository::row).list();
  }

  Optional<AiApiConnection> find(String name) {
    return jdbc.sql(COLUMNS + " where name = ?")
        .param(name)
        .query(ConnectionRepository::row)
        .optional();
  }

  Plaintext clientSecret(String name) {
    Ciphertext sealed =
        jdbc.sql("select secret_ciphertext, key_id from ai_api_connection where name = ?")
            .param(name)
            .query((rs, row) -> new Ciphertext(rs.getBytes(1), rs.getLong(2)))
            .single();
    return cipher.decrypt(sealed, context(name));
  }

  void insert(AiApiConnection connection, Plaintext clientSecret) {
    Ciphertext sealed = cipher.encrypt(clientSecret, context(connection.name()));
    OffsetDateTime now = SqlValues.utc(connection.modifiedAt());
    jdbc.sql(
            "insert into ai_api_connection (name, ai_api_url, token_url, client_id,"
                + " secret_ciphertext, key_id, builtin, created_at, modified_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            connection.name(),
            connection.aiApiUrl(),
            connection.tokenUrl(),
            connection.clientId(),
            sealed.bytes(),
            sealed.keyId(),
            connection.builtin(),
            now,
            now)
        .update();
  }

  void update(AiApiConnection connection, Plaintext clientSecret) {
    Ciphertext sealed = cipher.encrypt(clientSecret, context(connection.name()));
    jdbc.sql(
            "update ai_api_connection set ai_api_url = ?, token_url = ?, client_id = ?,"
                + " secret_ciphertext = ?, key_id = ?, modified_at = ? where name = ?")
        .params(
            connection.aiApiUrl(),
            connection.tokenUrl(),
            connection.clientId(),
            sealed.bytes(),
            sealed.keyId(),
            SqlValues.utc(connection.modifiedAt()),
            connection.name())
        .update();
  }

  void delete(String name) {
    jdbc.sql("delete from ai_api_connection where name = ?").param(name).update();
  }

  private static AiApiConnection row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new AiApiConnection(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5),
        rs.getObject(6, OffsetDateTime.class).toInstant());
  }

  /** A client secret is bound to its connection's name: a row copied to another does not open. */
  /** The client secrets, for a data key rotation. */
  SealedRows sealedRows() {
    return new SealedTable(
        jdbc,
        "ai_api_connection",
        "secret_ciphertext",
        List.of("name"),
        (key, stored) -> {
          CipherContext context = context((String) key.get(0));
          return cipher.encrypt(cipher.decrypt(stored, context), context);
        });
  }

  private static CipherContext context(String name) {
    return new CipherContext(PURPOSE, name);
  }

  static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}

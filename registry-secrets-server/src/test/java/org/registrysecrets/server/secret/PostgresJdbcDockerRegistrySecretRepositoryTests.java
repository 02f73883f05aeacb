package org.registrysecrets.server.secret;

import org.registrysecrets.server.support.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/** The repository's SQL on a real PostgreSQL. */
@OnPostgres
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresJdbcDockerRegistrySecretRepositoryTests
    extends JdbcDockerRegistrySecretRepositoryTests {}

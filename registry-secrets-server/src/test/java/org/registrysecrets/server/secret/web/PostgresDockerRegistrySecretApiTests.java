package org.registrysecrets.server.secret.web;

import org.registrysecrets.server.support.OnPostgres;

/** The whole API contract again, stored in PostgreSQL. */
@OnPostgres
class PostgresDockerRegistrySecretApiTests extends DockerRegistrySecretApiTests {}

package org.registrysecrets.server;

import org.registrysecrets.server.support.OnPostgres;

/** The raw PostgreSQL tables hold no credential either. */
@OnPostgres
class PostgresSecretsStaySecretTests extends SecretsStaySecretTests {}

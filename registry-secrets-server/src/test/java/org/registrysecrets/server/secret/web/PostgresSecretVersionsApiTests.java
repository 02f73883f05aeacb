package org.registrysecrets.server.secret.web;

import org.registrysecrets.server.support.OnPostgres;

/** Kept versions and restore, stored in PostgreSQL. */
@OnPostgres
class PostgresSecretVersionsApiTests extends SecretVersionsApiTests {}

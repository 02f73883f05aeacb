package org.registrysecrets.server.secret.web;

import org.registrysecrets.server.support.OnPostgres;

/** Many concurrent writers, stored in PostgreSQL. */
@OnPostgres
class PostgresContentionApiTests extends ContentionApiTests {}

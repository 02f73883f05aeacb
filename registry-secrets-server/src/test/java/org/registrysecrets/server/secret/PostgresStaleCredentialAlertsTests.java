package org.registrysecrets.server.secret;

import org.registrysecrets.server.support.OnPostgres;

/** Webhooks, expiry notices, re-checks and metrics, stored in PostgreSQL. */
@OnPostgres
class PostgresStaleCredentialAlertsTests extends StaleCredentialAlertsTests {}

package org.registrysecrets.server.secret.web;

import org.registrysecrets.server.support.OnPostgres;

/** Quota and optimistic locking under concurrency, stored in PostgreSQL. */
@OnPostgres
class PostgresQuotaAndConcurrencyApiTests extends QuotaAndConcurrencyApiTests {}

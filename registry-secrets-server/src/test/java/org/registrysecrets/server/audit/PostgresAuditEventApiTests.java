package org.registrysecrets.server.audit;

import org.registrysecrets.server.support.OnPostgres;

/** The audit API's filters, paging and tenant isolation, on PostgreSQL. */
@OnPostgres
class PostgresAuditEventApiTests extends AuditEventApiTests {}

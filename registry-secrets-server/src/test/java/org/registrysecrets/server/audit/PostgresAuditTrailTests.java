package org.registrysecrets.server.audit;

import org.registrysecrets.server.support.OnPostgres;

/** The audit trail and its all-or-nothing rule, stored in PostgreSQL. */
@OnPostgres
class PostgresAuditTrailTests extends AuditTrailTests {}

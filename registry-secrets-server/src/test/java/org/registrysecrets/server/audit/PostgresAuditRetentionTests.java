package org.registrysecrets.server.audit;

import org.registrysecrets.server.support.OnPostgres;

/** The audit retention's batched deletes and lease, on PostgreSQL. */
@OnPostgres
class PostgresAuditRetentionTests extends AuditRetentionTests {}

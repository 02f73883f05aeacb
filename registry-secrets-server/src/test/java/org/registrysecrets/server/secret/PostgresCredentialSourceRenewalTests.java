package org.registrysecrets.server.secret;

import org.registrysecrets.server.support.OnPostgres;

/** Credential sources and their renewals, stored in PostgreSQL. */
@OnPostgres
class PostgresCredentialSourceRenewalTests extends CredentialSourceRenewalTests {}

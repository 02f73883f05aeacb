/** Tenants: every secret, audit event, service key and sync state belongs to one. */
@NullMarked
package org.registrysecrets.server.tenant;

import org.jspecify.annotations.NullMarked;

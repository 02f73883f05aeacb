/**
 * Webhooks: per-tenant receivers of CloudEvents about their secrets (expiring, expired, failing
 * re-checks), signed with HMAC-SHA256 and delivered at least once from a durable outbox, behind the
 * same guard against server-side request forgery as the registry checks.
 */
@NullMarked
package org.registrysecrets.server.webhook;

import org.jspecify.annotations.NullMarked;

package org.registrysecrets.server.security;

import org.registrysecrets.server.tenant.TenantId;

/**
 * Who asks: the tenant whose secrets the call may touch, the actor recorded in the audit log and
 * the request id that ties log lines, audit events and the response together.
 */
public record Caller(TenantId tenant, String actor, String requestId) {}

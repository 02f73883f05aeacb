package org.registrysecrets.server.launchpad.connections;

import java.time.Instant;

/**
 * An AI API connection of the Launchpad, without its client secret.
 *
 * @param tokenUrl the service key's {@code url}: the issuer's base, tokens come from {@code
 *     /oauth/token} below it
 * @param builtin the {@code local} connection to this server's own API, whose URLs follow the
 *     server's port
 */
record AiApiConnection(
    String name,
    String aiApiUrl,
    String tokenUrl,
    String clientId,
    boolean builtin,
    Instant modifiedAt) {}

/**
 * The embedded OAuth2 token issuer: service keys (client credentials, hashed secrets), a persistent
 * RS256 signing key, and the platform API that manages keys.
 */
@NullMarked
package org.registrysecrets.server.issuer;

import org.jspecify.annotations.NullMarked;

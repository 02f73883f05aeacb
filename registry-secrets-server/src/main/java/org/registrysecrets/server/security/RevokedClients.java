package org.registrysecrets.server.security;

/** Tells whether the client a token was issued to has since been revoked. */
public interface RevokedClients {

  boolean isRevoked(String clientId);
}

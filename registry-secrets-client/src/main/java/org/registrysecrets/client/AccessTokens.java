package org.registrysecrets.client;

/**
 * Where a client's bearer tokens come from: a service key's client-credentials grant ({@link
 * TokenProvider}), or a token minted elsewhere for one person.
 */
@FunctionalInterface
public interface AccessTokens {

  /** A token valid for the next call. */
  String token();

  /** Forgets a cached token after the API refused it; nothing to forget by default. */
  default void invalidate() {}
}

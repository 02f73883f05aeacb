package org.registrysecrets.server.launchpad.users;

import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.launchpad.LaunchpadLoginProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Launchpad sessions live in the database (Spring Session JDBC, tables from Flyway), so every
 * replica serves every session and a restart logs nobody out. What a session holds (the signed-in
 * user, a provider's tokens, the CSRF token) is sealed with the data keys before it is stored.
 */
@Configuration(proxyBeanMethods = false)
class LaunchpadSessions {

  static final String COOKIE_NAME = "REGSECRETS_SESSION";

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedSessionAttributes(
      SecretCipher cipher) {
    return repository ->
        repository.setConversionService(
            SealedSessionAttributes.conversionService(
                cipher, LaunchpadSessions.class.getClassLoader()));
  }

  /**
   * The session cookie is {@code SameSite=Strict}, except with single sign-on: the browser comes
   * back from the provider by a cross-site redirect, and a strict cookie would not be sent with it
   * (the sign-in could not find its own request). {@code Lax} still keeps it off cross-site posts,
   * and every change needs the CSRF token anyway.
   */
  @Bean
  DefaultCookieSerializerCustomizer launchpadSessionCookie(LaunchpadLoginProperties login) {
    return cookie -> {
      cookie.setCookieName(COOKIE_NAME);
      cookie.setSameSite(login.oidc().enabled() ? "Lax" : "Strict");
    };
  }
}

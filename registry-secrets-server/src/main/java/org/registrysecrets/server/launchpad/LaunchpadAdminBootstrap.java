package org.registrysecrets.server.launchpad;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.registrysecrets.server.instance.InstanceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the initial Launchpad {@code admin} on first start: with {@code
 * REGSECRETS_ADMIN_PASSWORD}, or with a generated one-time password that is printed once to the
 * console (never to the log) and must be changed at first login.
 */
@Component
class LaunchpadAdminBootstrap {

  static final String ADMIN = "admin";
  static final String ADMIN_ROLES =
      "administrator,connections_viewer,connections_editor,"
          + "aicore_admin_dockerregistrysecret_viewer,aicore_admin_dockerregistrysecret_editor";
  private static final Logger log = LoggerFactory.getLogger(LaunchpadAdminBootstrap.class);

  private final JdbcClient jdbc;
  private final InstanceProperties properties;
  private final PrintStream console;

  LaunchpadAdminBootstrap(JdbcClient jdbc, InstanceProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.console = System.out;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureAdmin() {
    boolean exists =
        jdbc.sql("select count(*) from launchpad_user where username = ?")
                .param(ADMIN)
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return;
    }
    String configured = properties.adminPassword();
    boolean generated = configured == null || configured.isBlank();
    String password = generated ? generatePassword() : configured;
    jdbc.sql(
            "insert into launchpad_user (username, password_hash, roles, password_change_required,"
                + " created_at) values (?, ?, ?, ?, ?)")
        .params(
            ADMIN,
            java.util.Objects.requireNonNull(new BCryptPasswordEncoder().encode(password)),
            ADMIN_ROLES,
            generated,
            Instant.now().atOffset(ZoneOffset.UTC))
        .update();
    if (generated) {
      console.println();
      console.println("  Launchpad user 'admin' was created with the one-time password:");
      console.println("      " + password);
      console.println("  It is shown only this once and must be changed at first login.");
      console.println();
    } else {
      log.info(
          "Launchpad user 'admin' was created with the password from REGSECRETS_ADMIN_PASSWORD");
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

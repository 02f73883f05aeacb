package org.registrysecrets.server.launchpad.users;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.instance.InstanceProperties;
import org.registrysecrets.server.launchpad.LaunchpadRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the initial Launchpad {@code admin} on first start: with {@code
 * REGSECRETS_ADMIN_PASSWORD}, or with a generated one-time password that is printed once to the
 * console (never to the log) and must be changed at first login.
 */
@Component
class LaunchpadAdminBootstrap {

  static final String ADMIN = "admin";
  private static final Logger log = LoggerFactory.getLogger(LaunchpadAdminBootstrap.class);

  private final LaunchpadUserService users;
  private final InstanceProperties properties;
  private final PrintStream console;

  LaunchpadAdminBootstrap(LaunchpadUserService users, InstanceProperties properties) {
    this.users = users;
    this.properties = properties;
    this.console = System.out;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void ensureAdmin() {
    if (users.exists(ADMIN)) {
      return;
    }
    String configured = properties.adminPassword();
    boolean generated = configured == null || configured.isBlank();
    String password = configured == null || generated ? generatePassword() : configured;
    try {
      users.create(ADMIN, password, LaunchpadRoles.ALL, generated);
    } catch (DuplicateKeyException | InvalidInputException e) {
      // A replica that started at the same time created it (and told its own log), before our
      // insert (a duplicate key) or before the service's own check ("already exists").
      if (users.exists(ADMIN)) {
        return;
      }
      throw e;
    }
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

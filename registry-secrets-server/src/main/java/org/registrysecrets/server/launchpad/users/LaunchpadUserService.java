package org.registrysecrets.server.launchpad.users;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.registrysecrets.api.Identifiers;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.launchpad.LaunchpadRoles;
import org.registrysecrets.server.storage.SqlValues;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Built-in Launchpad users in {@code launchpad_user}: login, administration and each user's chosen
 * workspace. Passwords are hashed with bcrypt.
 */
@Service
public class LaunchpadUserService {

  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_PASSWORD_BYTES = 72;
  private static final String USERS =
      "select username, password_hash, roles, password_change_required, current_connection,"
          + " session_epoch from launchpad_user";
  private static final RowMapper<LaunchpadUser> USER =
      (rs, row) ->
          new LaunchpadUser(
              rs.getString(1),
              rs.getString(2),
              roles(rs.getString(3)),
              rs.getBoolean(4),
              rs.getString(5),
              rs.getLong(6));

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords = new BCryptPasswordEncoder();

  LaunchpadUserService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The user for form login. Deliberately not a {@code UserDetailsService} bean: Spring Security
   * would also register it globally with a different password encoder.
   */
  UserDetails loadUserByUsername(String username) {
    LaunchpadUser user =
        find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    return new LaunchpadPrincipal(
        user.username(),
        user.passwordHash(),
        user.roles().stream().map(SimpleGrantedAuthority::new).toList(),
        user.sessionEpoch());
  }

  /** The user's current session epoch; empty once the user was removed. */
  Optional<Long> sessionEpoch(String username) {
    return jdbc.sql("select session_epoch from launchpad_user where username = ?")
        .param(username)
        .query(Long.class)
        .optional();
  }

  PasswordEncoder passwordEncoder() {
    return passwords;
  }

  public Optional<LaunchpadUser> find(String username) {
    return jdbc.sql(USERS + " where username = ?").param(username).query(USER).optional();
  }

  List<LaunchpadUser> list() {
    return jdbc.sql(USERS + " order by username").query(USER).list();
  }

  boolean exists(String username) {
    return find(username).isPresent();
  }

  @Transactional
  public void create(String username, String password, List<String> roles, boolean changeRequired) {
    if (!Identifiers.isPlain(username, 64)) {
      throw new InvalidInputException("A user name is 1 to 64 letters, digits, '-', '_' or '.'.");
    }
    if (exists(username)) {
      throw new InvalidInputException("The user " + username + " already exists.");
    }
    jdbc.sql(
            "insert into launchpad_user (username, password_hash, roles, password_change_required,"
                + " created_at) values (?, ?, ?, ?, ?)")
        .params(
            username,
            hash(password),
            String.join(",", checked(roles)),
            changeRequired,
            SqlValues.utc(Instant.now()))
        .update();
  }

  @Transactional
  void updateRoles(String username, List<String> roles) {
    jdbc.sql(
            "update launchpad_user set roles = ?, session_epoch = session_epoch + 1"
                + " where username = ?")
        .params(String.join(",", checked(roles)), username)
        .update();
  }

  /**
   * Sets a new password, which ends the user's sessions; {@code changeRequired} when an
   * administrator set it for the user. Returns the new session epoch, under which the session that
   * changed its own password goes on.
   */
  @Transactional
  long setPassword(String username, String password, boolean changeRequired) {
    jdbc.sql(
            "update launchpad_user set password_hash = ?, password_change_required = ?,"
                + " session_epoch = session_epoch + 1 where username = ?")
        .params(hash(password), changeRequired, username)
        .update();
    return sessionEpoch(username).orElse(-1L);
  }

  @Transactional
  void remove(String username) {
    jdbc.sql("delete from launchpad_user where username = ?").param(username).update();
  }

  @Transactional
  public void chooseConnection(String username, String connection) {
    jdbc.sql("update launchpad_user set current_connection = ? where username = ?")
        .params(connection, username)
        .update();
  }

  boolean matches(String username, String password) {
    return find(username)
        .map(user -> passwords.matches(password, user.passwordHash()))
        .orElse(false);
  }

  private String hash(String password) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    // BCrypt reads only the first 72 bytes; a longer password would be cut without a word.
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidInputException(
          "A password can have at most "
              + MAX_PASSWORD_BYTES
              + " bytes: 72 plain letters and digits, fewer with accents or other scripts.");
    }
    return Objects.requireNonNull(passwords.encode(password));
  }

  private static List<String> checked(List<String> roles) {
    for (String role : roles) {
      if (!LaunchpadRoles.ALL.contains(role)) {
        throw new InvalidInputException("Unknown role " + role + ".");
      }
    }
    return roles;
  }

  private static List<String> roles(String column) {
    return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
  }
}

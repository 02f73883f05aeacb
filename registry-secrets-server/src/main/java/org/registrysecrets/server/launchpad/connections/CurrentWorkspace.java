package org.registrysecrets.server.launchpad.connections;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.launchpad.users.BuiltInUsers;
import org.registrysecrets.server.launchpad.users.LaunchpadUser;
import org.registrysecrets.server.launchpad.users.LaunchpadUserService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The connection a user works in: the one they chose last, else {@code local}, else the first. A
 * built-in user's choice is stored with the user; that of a person signed in through a provider
 * lasts for the session.
 */
@Component
public class CurrentWorkspace {

  private static final String SESSION_CHOICE = CurrentWorkspace.class.getName() + ".choice";

  private final LaunchpadUserService users;
  private final ConnectionService connections;

  CurrentWorkspace(LaunchpadUserService users, ConnectionService connections) {
    this.users = users;
    this.connections = connections;
  }

  public Optional<String> of(Principal principal) {
    Optional<String> chosen =
        (BuiltInUsers.isBuiltIn(principal)
                ? users.find(principal.getName()).map(LaunchpadUser::currentConnection)
                : chosenInSession())
            .filter(connections::exists);
    if (chosen.isPresent()) {
      return chosen;
    }
    if (connections.exists(ConnectionService.LOCAL)) {
      return Optional.of(ConnectionService.LOCAL);
    }
    List<AiApiConnection> all = connections.list("");
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).name());
  }

  /**
   * A client of the person's current workspace, acting as them.
   *
   * @throws InvalidInputException if there is no connection to choose
   */
  public ActingClient client(Authentication person) {
    String connection =
        of(person)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "No AI API connection is chosen; choose one in Workspaces."));
    return connections.client(connection, person);
  }

  void choose(Principal principal, String connection) {
    connections.get(connection);
    if (BuiltInUsers.isBuiltIn(principal)) {
      users.chooseConnection(principal.getName(), connection);
    } else {
      RequestContextHolder.currentRequestAttributes()
          .setAttribute(SESSION_CHOICE, connection, RequestAttributes.SCOPE_SESSION);
    }
  }

  private static Optional<String> chosenInSession() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null
            && request.getAttribute(SESSION_CHOICE, RequestAttributes.SCOPE_SESSION)
                instanceof String chosen
        ? Optional.of(chosen)
        : Optional.empty();
  }
}

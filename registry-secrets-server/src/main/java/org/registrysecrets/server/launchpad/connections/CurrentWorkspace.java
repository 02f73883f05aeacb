package org.registrysecrets.server.launchpad.connections;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.registrysecrets.server.launchpad.users.LaunchpadUser;
import org.registrysecrets.server.launchpad.users.LaunchpadUserService;
import org.springframework.stereotype.Component;

/** The connection a user works in: the one they chose last, else {@code local}, else the first. */
@Component
public class CurrentWorkspace {

  private final LaunchpadUserService users;
  private final ConnectionService connections;

  CurrentWorkspace(LaunchpadUserService users, ConnectionService connections) {
    this.users = users;
    this.connections = connections;
  }

  public Optional<String> of(Principal principal) {
    Optional<String> chosen =
        users
            .find(principal.getName())
            .map(LaunchpadUser::currentConnection)
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

  void choose(Principal principal, String connection) {
    connections.get(connection);
    users.chooseConnection(principal.getName(), connection);
  }
}

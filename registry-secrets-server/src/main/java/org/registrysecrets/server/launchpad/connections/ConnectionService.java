package org.registrysecrets.server.launchpad.connections;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.Urls;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.server.instance.PublicUrl;
import org.registrysecrets.server.issuer.PersonalTokens;
import org.registrysecrets.server.launchpad.LaunchpadRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * The Launchpad's AI API connections: each one is a service key, tested before it is saved, and a
 * cached client (so its token is reused) for the pages that use it.
 */
@Service
public class ConnectionService {

  static final String LOCAL = "local";

  /** The {@code origin} of the tokens minted for Launchpad users, as the audit trail shows it. */
  public static final String LAUNCHPAD_ORIGIN = "launchpad";

  private final ConnectionRepository connections;
  private final PublicUrl publicUrl;
  private final ObjectProvider<PersonalTokens> personalTokens;
  private final Map<String, CachedClient> clients = new ConcurrentHashMap<>();
  private final HttpClient loopback =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ConnectionService(
      ConnectionRepository connections,
      PublicUrl publicUrl,
      ObjectProvider<PersonalTokens> personalTokens) {
    this.connections = connections;
    this.publicUrl = publicUrl;
    this.personalTokens = personalTokens;
  }

  /** Connections whose name or URL contains {@code filter}, by name. */
  List<AiApiConnection> list(String filter) {
    String needle = filter.strip().toLowerCase(Locale.ROOT);
    return connections.list().stream()
        .map(this::resolved)
        .filter(
            connection ->
                needle.isEmpty()
                    || connection.name().contains(needle)
                    || connection.aiApiUrl().toLowerCase(Locale.ROOT).contains(needle))
        .toList();
  }

  AiApiConnection get(String name) {
    return connections.find(name).map(this::resolved).orElseThrow(() -> noSuchConnection(name));
  }

  private static InvalidInputException noSuchConnection(String name) {
    return new InvalidInputException("There is no connection named " + name + ".");
  }

  boolean exists(String name) {
    return connections.find(name).isPresent();
  }

  /**
   * Tests the form's service key (a token and one list call), then saves it. The test is a remote
   * call, so no database transaction is open around it; the save is one statement.
   */
  void create(ConnectionForm form) {
    String name = ConnectionForm.text(form.name());
    String problem = SecretName.problemWith(name);
    if (problem != null) {
      throw new InvalidInputException(problem.replace("The name", "The connection name"));
    }
    if (exists(name)) {
      throw new InvalidInputException("A connection named " + name + " already exists.");
    }
    Plaintext secret = Plaintext.of(ConnectionForm.text(form.clientSecret()));
    if (secret.isEmpty()) {
      throw new InvalidInputException("Enter the clientsecret of the service key.");
    }
    AiApiConnection connection = fromForm(name, form);
    test(connection, secret);
    connections.insert(connection, secret);
  }

  /**
   * Tests new settings, then saves them; an empty client secret keeps the stored one. As with
   * {@link #create}, no transaction is open during the test.
   */
  void update(String name, ConnectionForm form) {
    AiApiConnection existing = connections.find(name).orElseThrow(() -> noSuchConnection(name));
    // The built-in connection keeps following this server's address; only its key can change.
    AiApiConnection changed =
        existing.builtin()
            ? new AiApiConnection(
                name, "", "", clientId(form.clientId()), true, ConnectionRepository.now())
            : fromForm(name, form);
    Plaintext secret = Plaintext.of(ConnectionForm.text(form.clientSecret()));
    if (secret.isEmpty()) {
      // The stored secret goes only where it was entered for: new URLs or a new client id
      // would send it to a server its owner never chose.
      if (!changed.aiApiUrl().equals(existing.aiApiUrl())
          || !changed.tokenUrl().equals(existing.tokenUrl())
          || !changed.clientId().equals(existing.clientId())) {
        throw new InvalidInputException(
            "Enter the clientsecret again: the URLs or the clientid changed, and the stored"
                + " secret is only sent where it was entered for.");
      }
      secret = connections.clientSecret(name);
    }
    test(changed, secret);
    connections.update(changed, secret);
    clients.remove(name);
  }

  void delete(String name) {
    get(name);
    connections.delete(name);
    clients.remove(name);
  }

  /**
   * A client that acts for {@code person} on the connection {@code name}. On the built-in
   * connection it sends a token minted for the person, with the scopes of the person's roles, so
   * that the API itself authorizes and audits the person; on others it sends the connection's
   * service key, and the Launchpad audits the person ({@link ActingClient#personal()} is false).
   */
  public ActingClient client(String name, Authentication person) {
    AiApiConnection connection = get(name);
    if (connection.builtin()) {
      PersonalTokens tokens = personalTokens.getObject();
      List<String> roles =
          person.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
      String token =
          tokens
              .mint(connection.clientId(), tokenPerson(person), LaunchpadRoles.apiScopes(roles))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "The service key of the connection "
                              + name
                              + " was revoked; an administrator enters a new one in"
                              + " Workspaces."));
      return new ActingClient(
          name,
          true,
          RegistrySecretsClient.builder(connection.aiApiUrl(), () -> token)
              .httpClient(loopback)
              .build());
    }
    return new ActingClient(name, false, serviceKeyClient(connection));
  }

  /**
   * A built-in user is {@code launchpad}'s; a person signed in through a provider is the
   * provider's, by its subject.
   */
  private static PersonalTokens.Person tokenPerson(Authentication person) {
    if (person instanceof OAuth2AuthenticationToken sso
        && sso.getPrincipal() instanceof OidcUser user) {
      return new PersonalTokens.Person(
          user.getSubject(), person.getName(), sso.getAuthorizedClientRegistrationId());
    }
    return new PersonalTokens.Person(person.getName(), person.getName(), LAUNCHPAD_ORIGIN);
  }

  /** The service-key client of a connection, reused while the connection is unchanged. */
  private RegistrySecretsClient serviceKeyClient(AiApiConnection connection) {
    String name = connection.name();
    CachedClient cached = clients.get(name);
    if (cached != null && cached.modifiedAt().equals(connection.modifiedAt())) {
      return cached.client();
    }
    RegistrySecretsClient client =
        RegistrySecretsClient.create(serviceKey(connection, connections.clientSecret(name)));
    clients.put(name, new CachedClient(client, connection.modifiedAt()));
    return client;
  }

  /** Registers the built-in connection to this server, with a service key made for it. */
  void createLocal(ServiceKey key) {
    connections.insert(
        new AiApiConnection(LOCAL, "", "", key.clientid(), true, ConnectionRepository.now()),
        Plaintext.of(key.clientsecret()));
  }

  private static AiApiConnection fromForm(String name, ConnectionForm form) {
    return new AiApiConnection(
        name,
        url(form.aiApiUrl(), "AI_API_URL"),
        url(form.tokenUrl(), "url"),
        clientId(form.clientId()),
        false,
        ConnectionRepository.now());
  }

  private void test(AiApiConnection connection, Plaintext secret) {
    RegistrySecretsClient.create(serviceKey(resolved(connection), secret)).list(1, 0, false);
  }

  /** The built-in connection reaches this server over loopback, on whatever port it has now. */
  private AiApiConnection resolved(AiApiConnection connection) {
    if (!connection.builtin()) {
      return connection;
    }
    String self = publicUrl.loopback();
    return new AiApiConnection(
        connection.name(), self, self, connection.clientId(), true, connection.modifiedAt());
  }

  /** The one place a stored client secret becomes text: the client library sends it. */
  private static ServiceKey serviceKey(AiApiConnection connection, Plaintext secret) {
    return new ServiceKey(
        connection.clientId(),
        secret.reveal(),
        connection.tokenUrl(),
        "",
        "",
        new ServiceKey.ServiceUrls(connection.aiApiUrl()));
  }

  private static String url(@org.jspecify.annotations.Nullable String value, String field) {
    String text = ConnectionForm.text(value);
    try {
      URI uri = URI.create(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return Urls.withoutTrailingSlashes(text);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidInputException(field + " must be an http or https URL.");
  }

  private static String clientId(@org.jspecify.annotations.Nullable String value) {
    String text = ConnectionForm.text(value);
    if (text.isEmpty() || text.length() > 256) {
      throw new InvalidInputException("Enter the clientid of the service key.");
    }
    return text;
  }

  private record CachedClient(RegistrySecretsClient client, java.time.Instant modifiedAt) {}
}

package org.registrysecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.ServiceKeys;
import org.registrysecrets.server.support.ServerProcess;

/**
 * A stateful property of the real HTTP API: two tenants issue random sequences of create, patch,
 * delete and get on overlapping names; after every step each tenant sees exactly what a model of
 * its own operations says, whatever the other did. jqwik shrinks a failing sequence to the shortest
 * one that still breaks isolation.
 */
class TenantIsolationPropertyTests {

  enum Tenant {
    A,
    B
  }

  enum Kind {
    CREATE,
    PATCH,
    DELETE,
    GET
  }

  /** One step: a tenant does something to one of a few names, with a password to recognise. */
  record Step(Tenant tenant, Kind kind, int name, int password) {}

  private static ServerProcess server;
  private static Map<Tenant, RegistrySecretsClient> clients;

  @BeforeContainer
  static void startServer() throws Exception {
    server = ServerProcess.start();
    RegistrySecretsClient admin =
        RegistrySecretsClient.create(ServiceKeys.parse(Files.readString(server.serviceKeyFile())));
    clients = new EnumMap<>(Tenant.class);
    for (Tenant tenant : Tenant.values()) {
      ServiceKey key =
          admin.createServiceKey(
              "isolation-" + tenant + "-" + UUID.randomUUID(), "editor", "property test");
      clients.put(tenant, RegistrySecretsClient.create(key));
    }
  }

  @AfterContainer
  static void stopServer() throws Exception {
    server.close();
  }

  @Property(tries = 25)
  void noTenantEverChangesOrSeesWhatTheOtherDoes(@ForAll("steps") List<Step> steps) {
    // Names of this try only, so that tries do not meet in the store.
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<Tenant, Map<String, String>> model = new EnumMap<>(Tenant.class);
    for (Tenant tenant : Tenant.values()) {
      model.put(tenant, new TreeMap<>());
    }
    for (Step step : steps) {
      RegistrySecretsClient client = clients.get(step.tenant());
      Map<String, String> mine = model.get(step.tenant());
      String name = "p-" + run + "-" + step.name();
      String password = "Isolated-" + step.tenant() + "-" + step.password();
      boolean exists = mine.containsKey(name);
      int status = call(client, step.kind(), name, password);
      switch (step.kind()) {
        case CREATE -> {
          assertThat(status).as(step.toString()).isEqualTo(exists ? 409 : 202);
          mine.putIfAbsent(name, password);
        }
        case PATCH -> {
          assertThat(status).as(step.toString()).isEqualTo(exists ? 202 : 404);
          if (exists) {
            mine.put(name, password);
          }
        }
        case DELETE -> {
          assertThat(status).as(step.toString()).isEqualTo(exists ? 202 : 404);
          mine.remove(name);
        }
        case GET -> assertThat(status).as(step.toString()).isEqualTo(exists ? 200 : 404);
      }
      for (Tenant tenant : Tenant.values()) {
        assertThat(names(clients.get(tenant), run))
            .as("what %s sees after %s", tenant, step)
            .isEqualTo(new TreeSet<>(model.get(tenant).keySet()));
      }
    }
    // Leave nothing behind: the tenants' quota (50) outlasts many tries only if each cleans up.
    model.forEach(
        (tenant, secrets) ->
            secrets.keySet().forEach(name -> clients.get(tenant).delete(name, null)));
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.of(Tenant.class),
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 9))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  /** The HTTP status of one step. */
  private static int call(RegistrySecretsClient client, Kind kind, String name, String password) {
    String config =
        "{\"auths\":{\"r.io\":{\"auth\":\""
            + Base64.getEncoder().encodeToString(("u:" + password).getBytes())
            + "\"}}}";
    try {
      switch (kind) {
        case CREATE -> client.create(name, config);
        case PATCH -> client.modify(name, config, null);
        case DELETE -> client.delete(name, null);
        case GET -> {
          DockerRegistrySecretMetadata secret = client.get(name).value();
          assertThat(secret.toString()).doesNotContain(password);
          return 200;
        }
      }
      return kind == Kind.GET ? 200 : 202;
    } catch (ApiException e) {
      return e.status();
    }
  }

  private static TreeSet<String> names(RegistrySecretsClient client, String run) {
    List<String> names = new ArrayList<>();
    client.list(null, null, false).resources().forEach(secret -> names.add(secret.name()));
    names.removeIf(name -> !name.startsWith("p-" + run + "-"));
    return new TreeSet<>(names);
  }
}

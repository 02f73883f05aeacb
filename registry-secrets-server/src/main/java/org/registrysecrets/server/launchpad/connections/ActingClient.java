package org.registrysecrets.server.launchpad.connections;

import org.registrysecrets.client.RegistrySecretsClient;

/**
 * The API client a Launchpad page uses for one person.
 *
 * @param connection the connection's name
 * @param personal whether the API sees the person (a token minted for them, on the built-in
 *     connection) and so audits them itself; else it sees only the connection's service key
 */
public record ActingClient(String connection, boolean personal, RegistrySecretsClient api) {}

package org.registrysecrets.server.source;

import java.time.Instant;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;

/**
 * A registry login derived from a {@link CredentialSource}: the Docker config that holds it and
 * when it stops working.
 */
public record DerivedLogin(DockerConfigJson config, Instant expiresAt) {}

package org.registrysecrets.server.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the secret store.
 *
 * @param maxCount how many secrets one tenant may keep (SAP AI Core allows 50)
 */
@ConfigurationProperties("regsecrets.secrets")
public record SecretProperties(@DefaultValue("50") long maxCount) {}

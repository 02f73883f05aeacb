package org.registrysecrets.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize request bodies larger than this get 413
 */
@ConfigurationProperties("regsecrets.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {}

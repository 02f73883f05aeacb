package org.registrysecrets.server.instance;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this instance keeps its files and how clients reach it ({@code REGSECRETS_DATA_DIR}, {@code
 * REGSECRETS_PUBLIC_URL}, {@code REGSECRETS_ADMIN_PASSWORD}).
 *
 * @param dataDir the folder for the H2 database, keys and the bootstrap service key
 * @param publicUrl the URL clients use; {@code http://localhost:<port>} when not set
 * @param adminPassword the initial Launchpad {@code admin} password; generated when not set
 */
@ConfigurationProperties("regsecrets")
public record InstanceProperties(
    @DefaultValue("./data") Path dataDir,
    @Nullable String publicUrl,
    @Nullable String adminPassword) {}

package org.registrysecrets.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository's SQL on the Flyway schema, each test in a transaction that rolls back. Runs on H2
 * here and on PostgreSQL in {@link PostgresJdbcDockerRegistrySecretRepositoryTests}.
 */
@JdbcTest(properties = "spring.flyway.locations=classpath:db/migration")
@Import(JdbcDockerRegistrySecretRepository.class)
class JdbcDockerRegistrySecretRepositoryTests {

  private static final Ciphertext SEALED = new Ciphertext(new byte[] {1, 2, 3}, 42);

  @Autowired JdbcDockerRegistrySecretRepository secrets;
  @Autowired JdbcClient jdbc;

  private final TenantId tenant = TenantId.of("repo-" + UUID.randomUUID());

  @Test
  void listsByNameWithTopAndSkipAndNeverAnotherTenants() {
    for (String name : List.of("gamma", "alpha", "beta")) {
      secrets.insert(tenant, secret(name), SEALED);
    }
    secrets.insert(TenantId.of("other-" + UUID.randomUUID()), secret("aaa"), SEALED);

    assertThat(secrets.list(tenant, Paging.ALL))
        .extracting(secret -> secret.name().value())
        .containsExactly("alpha", "beta", "gamma");
    assertThat(secrets.list(tenant, new Paging(1, 1, false)))
        .extracting(secret -> secret.name().value())
        .containsExactly("beta");
    assertThat(secrets.count(tenant)).isEqualTo(3);
  }

  @Test
  void refusesASecondSecretOfTheSameName() {
    secrets.insert(tenant, secret("twice"), SEALED);

    assertThatThrownBy(() -> secrets.insert(tenant, secret("twice"), SEALED))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void updatesOnlyWhenTheVersionIsOneOfTheExpected() {
    SecretName name = SecretName.of("versioned");
    secrets.insert(tenant, secret("versioned"), SEALED);

    boolean stale = update(name, ExpectedVersions.oneOf(Set.of(7L, 8L)));
    boolean matching = update(name, ExpectedVersions.oneOf(Set.of(5L, 1L)));
    boolean any = update(name, ExpectedVersions.ANY);

    assertThat(stale).isFalse();
    assertThat(matching).isTrue();
    assertThat(any).isTrue();
    assertThat(secrets.find(tenant, name))
        .hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(3));
    assertThat(secrets.findCiphertext(tenant, name)).contains(new Ciphertext(new byte[] {9}, 43));
  }

  @Test
  void deletesOnlyWhenTheVersionMatches() {
    SecretName name = SecretName.of("doomed");
    secrets.insert(tenant, secret("doomed"), SEALED);

    assertThat(secrets.delete(tenant, name, ExpectedVersions.oneOf(Set.of(2L)))).isFalse();
    assertThat(secrets.delete(TenantId.of("someone-else"), name, ExpectedVersions.ANY)).isFalse();
    assertThat(secrets.delete(tenant, name, ExpectedVersions.oneOf(Set.of(1L)))).isTrue();
    assertThat(secrets.find(tenant, name)).isEmpty();
  }

  @Test
  void reservesSlotsUpToTheQuotaStartingFromWhatTheTenantAlreadyHas() {
    secrets.insert(tenant, secret("before-the-counter"), SEALED);
    boolean before = secrets.hasQuotaCounter(tenant);
    secrets.createQuotaCounterIfMissing(tenant);
    secrets.createQuotaCounterIfMissing(tenant);

    boolean first = secrets.reserveSlot(tenant, 3);
    boolean second = secrets.reserveSlot(tenant, 3);
    boolean third = secrets.reserveSlot(tenant, 3);
    secrets.releaseSlot(tenant);
    boolean afterRelease = secrets.reserveSlot(tenant, 3);

    assertThat(before).isFalse();
    assertThat(List.of(first, second, third, afterRelease))
        .containsExactly(true, true, false, true);
    assertThat(usage()).isEqualTo(3);
    assertThat(secrets.tenants()).contains(tenant);
  }

  private boolean update(SecretName name, ExpectedVersions expected) {
    return secrets.update(
        tenant,
        name,
        expected,
        List.of("r.io"),
        new Ciphertext(new byte[] {9}, 43),
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        null,
        null);
  }

  private long usage() {
    return jdbc.sql("select secret_count from tenant_usage where tenant = ?")
        .param(tenant.value())
        .query(Long.class)
        .single();
  }

  private static DockerRegistrySecret secret(String name) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new DockerRegistrySecret(SecretName.of(name), now, now, List.of("r.io"), 1, null);
  }
}

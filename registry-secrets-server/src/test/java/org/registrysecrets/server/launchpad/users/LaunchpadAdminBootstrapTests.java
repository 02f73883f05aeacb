package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.instance.InstanceProperties;
import org.springframework.dao.DuplicateKeyException;

/** Replicas that start at once race to create the first admin; the losers start all the same. */
class LaunchpadAdminBootstrapTests {

  private final LaunchpadUserService users = mock(LaunchpadUserService.class);
  private final LaunchpadAdminBootstrap bootstrap =
      new LaunchpadAdminBootstrap(
          users, new InstanceProperties(Path.of("unused"), null, "a-long-admin-password"));

  @Test
  void startsWhenAnotherReplicaCreatedTheAdminBeforeTheServicesCheck() {
    when(users.exists("admin")).thenReturn(false, true);
    doThrow(new InvalidInputException("The user admin already exists."))
        .when(users)
        .create(eq("admin"), anyString(), anyList(), anyBoolean());

    assertThatNoException().isThrownBy(bootstrap::ensureAdmin);
  }

  @Test
  void startsWhenAnotherReplicaInsertedTheAdminFirst() {
    when(users.exists("admin")).thenReturn(false, true);
    doThrow(new DuplicateKeyException("admin"))
        .when(users)
        .create(eq("admin"), anyString(), anyList(), anyBoolean());

    assertThatNoException().isThrownBy(bootstrap::ensureAdmin);
  }

  @Test
  void failsWhenTheAdminCannotBeCreatedAndNobodyElseDidIt() {
    when(users.exists("admin")).thenReturn(false);
    doThrow(new InvalidInputException("The password is too short."))
        .when(users)
        .create(eq("admin"), anyString(), anyList(), anyBoolean());

    assertThatThrownBy(bootstrap::ensureAdmin).isInstanceOf(InvalidInputException.class);
  }
}

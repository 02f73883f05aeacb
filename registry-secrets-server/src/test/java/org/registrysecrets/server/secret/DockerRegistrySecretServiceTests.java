package org.registrysecrets.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.registry.RegistryCredentialChecker;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.source.CredentialExchange;
import org.registrysecrets.server.tenant.TenantId;
import org.registrysecrets.server.webhook.WebhookEvents;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;

/** The rules of a write, with the ports (store, cipher, audit, registries, events) mocked. */
class DockerRegistrySecretServiceTests {

  private static final Caller CALLER =
      new Caller(TenantId.of("unit"), "sb-editor", Caller.API, "request-1");
  private static final SecretName NAME = SecretName.of("pull");
  private static final DockerConfigJson CONFIG =
      DockerConfigParser.parse(
              "{\"auths\":{\"r.io\":{\"username\":\"u\",\"password\":\"unit-pw\"}}}")
          .config();

  private final DockerRegistrySecretRepository repository =
      mock(DockerRegistrySecretRepository.class);
  private final SecretCipher cipher = mock(SecretCipher.class);
  private final AuditLog auditLog = mock(AuditLog.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final RegistryCredentialChecker registries = mock(RegistryCredentialChecker.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
  private final DockerRegistrySecretService service =
      new DockerRegistrySecretService(
          repository,
          new DockerRegistrySecretChanges(
              repository,
              mock(SecretVersions.class),
              cipher,
              auditLog,
              events,
              mock(WebhookEvents.class),
              mock(CredentialSourceStore.class),
              clock),
          registries,
          auditLog,
          new StaticListableBeanFactory().getBeanProvider(CredentialExchange.class),
          new SecretProperties(
              2, 10, Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofMinutes(1), 2),
          clock);

  @Test
  void storesAuditsAndAnnouncesANewSecret() {
    when(repository.reserveSlot(CALLER.tenant(), 2)).thenReturn(true);
    when(cipher.encrypt(CONFIG, CALLER.tenant(), NAME)).thenReturn(new Ciphertext(new byte[1], 1));

    DockerRegistrySecret created = service.create(CALLER, NAME, CONFIG, false);

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.registries()).containsExactly("r.io");
    verify(repository).insert(eq(CALLER.tenant()), any(), any());
    assertThat(recorded().outcome()).isEqualTo(AuditEvent.SUCCESS);
    verify(events)
        .publishEvent(new DockerRegistrySecretChanged(CALLER.tenant(), NAME, SecretAction.CREATE));
  }

  @Test
  void makesTheQuotaCounterOfATenantsFirstCreateAndTriesAgain() {
    when(repository.reserveSlot(CALLER.tenant(), 2)).thenReturn(false).thenReturn(true);
    when(repository.hasQuotaCounter(CALLER.tenant())).thenReturn(false);
    when(cipher.encrypt(CONFIG, CALLER.tenant(), NAME)).thenReturn(new Ciphertext(new byte[1], 1));

    DockerRegistrySecret created = service.create(CALLER, NAME, CONFIG, false);

    assertThat(created.version()).isEqualTo(1);
    verify(repository).createQuotaCounterIfMissing(CALLER.tenant());
    // The first attempt's row and event roll back with its transaction; the retry writes them.
    verify(repository, times(2)).insert(eq(CALLER.tenant()), any(), any());
    ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditLog, times(2)).record(event.capture());
    assertThat(event.getValue().outcome()).isEqualTo(AuditEvent.SUCCESS);
    verify(auditLog, never()).recordRefusal(any());
  }

  @Test
  void refusesATakenNameAndAuditsTheRefusalAfterwards() {
    when(cipher.encrypt(CONFIG, CALLER.tenant(), NAME)).thenReturn(new Ciphertext(new byte[1], 1));
    doThrow(new DuplicateKeyException("taken"))
        .when(repository)
        .insert(eq(CALLER.tenant()), any(), any());

    assertThatThrownBy(() -> service.create(CALLER, NAME, CONFIG, false))
        .isInstanceOf(SecretAlreadyExistsException.class);

    verify(repository, never()).reserveSlot(any(), anyLong());
    AuditEvent refusal = refusal();
    assertThat(refusal.action()).isEqualTo("create");
    assertThat(refusal.outcome()).isEqualTo("AlreadyExists");
    assertThat(refusal.actor()).isEqualTo("sb-editor");
    assertThat(refusal.requestId()).isEqualTo("request-1");
  }

  @Test
  void refusesBeyondTheQuota() {
    when(repository.reserveSlot(CALLER.tenant(), 2)).thenReturn(false);
    when(repository.hasQuotaCounter(CALLER.tenant())).thenReturn(true);

    assertThatThrownBy(() -> service.create(CALLER, NAME, CONFIG, false))
        .isInstanceOf(SecretQuotaExceededException.class)
        .hasMessageContaining("maximum of 2");

    // The counter is the last step: the row and event before it roll back with the transaction
    // (QuotaAndConcurrencyApiTests shows it on a real store).
    ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditLog).recordRefusal(event.capture());
    assertThat(event.getValue().outcome()).isEqualTo("QuotaExceeded");
  }

  @Test
  void storesNothingWhenARegistryRefusesTheCredentials() {
    when(registries.check(CONFIG))
        .thenReturn(
            List.of(
                new RegistryCheckResult("r.io", RegistryCheckResult.INVALID_CREDENTIALS, "401")));

    assertThatThrownBy(() -> service.create(CALLER, NAME, CONFIG, true))
        .isInstanceOf(CredentialCheckFailedException.class)
        .hasMessageContaining("r.io is invalid-credentials")
        .hasMessageNotContaining("unit-pw");

    verify(repository, never()).find(any(), any());
    verify(repository, never()).insert(any(), any(), any());
    assertThat(refusal().outcome()).isEqualTo("CredentialCheckFailed");
  }

  @Test
  void tellsAStaleVersionFromAMissingSecret() {
    ExpectedVersions stale = ExpectedVersions.oneOf(java.util.Set.of(1L));
    when(repository.delete(CALLER.tenant(), NAME, stale)).thenReturn(false);
    when(repository.find(CALLER.tenant(), NAME))
        .thenReturn(Optional.of(stored()))
        .thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.delete(CALLER, NAME, stale))
        .isInstanceOf(SecretVersionMismatchException.class);
    assertThatThrownBy(() -> service.delete(CALLER, NAME, stale))
        .isInstanceOf(SecretNotFoundException.class);
    verify(repository, never()).releaseSlot(any());
  }

  private AuditEvent recorded() {
    ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditLog).record(event.capture());
    verify(auditLog, never()).recordRefusal(any());
    return event.getValue();
  }

  private AuditEvent refusal() {
    ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditLog).recordRefusal(event.capture());
    verify(auditLog, never()).record(any());
    return event.getValue();
  }

  private static DockerRegistrySecret stored() {
    Instant then = Instant.parse("2026-01-01T00:00:00Z");
    return new DockerRegistrySecret(NAME, then, then, List.of("r.io"), 2, null);
  }
}

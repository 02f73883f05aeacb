package org.registrysecrets.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.AuditEventInfo;
import org.registrysecrets.api.wire.AuditEventList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The tenant's audit trail: who changed which secret, when, and how it ended. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Show who changed which secret, when, and how it ended (newest first).")
final class AuditCommand extends ApiCommand {

  @Option(names = "--secret", paramLabel = "NAME", description = "Only this secret's events.")
  @Nullable String secret;

  @Option(names = "--actor", paramLabel = "ACTOR", description = "Only this user or client id.")
  @Nullable String actor;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Only events since then: a time such as 2026-11-27T10:00:00Z, or 90m, 24h, 7d.")
  @Nullable String since;

  @Option(
      names = "--until",
      paramLabel = "WHEN",
      description = "Only events before then, in the same forms as --since.")
  @Nullable String until;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N events (default ${DEFAULT-VALUE}, at most 1000).")
  int top;

  @Option(names = "--skip", paramLabel = "N", description = "Skip the newest N events.")
  long skip;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (top < 0 || top > 1000 || skip < 0) {
      throw new UsageException("--top must be 0 to 1000 and --skip not negative.");
    }
    Instant now = Instant.now();
    AuditEventList events =
        client()
            .auditEvents(
                secret, actor, when("--since", since, now), when("--until", until, now), top, skip);
    if (output.printStructured(out(), events)) {
      return 0;
    }
    if (events.resources().isEmpty()) {
      err().println("No audit events.");
      return 0;
    }
    Output.table(
        out(),
        List.of("TIME", "ACTOR", "ORIGIN", "ACTION", "SECRET", "OUTCOME"),
        events.resources(),
        List.of(
            event -> event.occurredAt().toString(),
            AuditEventInfo::actor,
            AuditEventInfo::origin,
            AuditEventInfo::action,
            AuditEventInfo::secretName,
            AuditEventInfo::outcome));
    return 0;
  }

  /** A point in time given as an ISO-8601 time or as an age such as {@code 24h}. */
  static @Nullable Instant when(String option, @Nullable String value, Instant now) {
    if (value == null) {
      return null;
    }
    Duration age = Ages.parse(value);
    if (age != null) {
      return now.minus(age);
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          option + " takes a time such as 2026-11-27T10:00:00Z or an age such as 24h or 7d.");
    }
  }
}

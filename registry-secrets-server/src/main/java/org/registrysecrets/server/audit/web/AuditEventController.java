package org.registrysecrets.server.audit.web;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.AuditEventInfo;
import org.registrysecrets.api.wire.AuditEventList;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.audit.AuditPage;
import org.registrysecrets.server.audit.AuditQuery;
import org.registrysecrets.server.http.QueryParameters;
import org.registrysecrets.server.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /platform/v1/audit-events?secret=&actor=&from=&to=&$top=&$skip=}: the caller's
 * tenant's audit events, newest first (scope {@code registrysecrets.audit.read}). {@code from} and
 * {@code to} are ISO-8601 instants, {@code to} exclusive; {@code $top} defaults to 100, at most
 * 1000.
 */
@RestController
class AuditEventController {

  static final int DEFAULT_TOP = 100;

  private final AuditLog audit;

  AuditEventController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping(path = "/platform/v1/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
  AuditEventList list(
      Caller caller,
      @RequestParam(required = false) @Nullable String secret,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(name = "$top", required = false) @Nullable String top,
      @RequestParam(name = "$skip", required = false) @Nullable String skip) {
    int pageSize = top == null ? DEFAULT_TOP : QueryParameters.nonNegative("$top", top);
    if (pageSize > AuditQuery.MAX_TOP) {
      throw new InvalidInputException("$top must be at most " + AuditQuery.MAX_TOP + ".");
    }
    AuditQuery query =
        new AuditQuery(
            blankToNull(secret),
            blankToNull(actor),
            QueryParameters.instant("from", from),
            QueryParameters.instant("to", to),
            pageSize,
            skip == null ? 0 : QueryParameters.nonNegative("$skip", skip));
    AuditPage page = audit.find(caller.tenant(), query);
    return new AuditEventList(
        page.count(), page.events().stream().map(AuditEventController::info).toList());
  }

  private static AuditEventInfo info(AuditEvent event) {
    return new AuditEventInfo(
        event.occurredAt(),
        event.actor(),
        event.origin(),
        event.action(),
        event.secretName(),
        event.outcome(),
        event.requestId());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package org.registrysecrets.server.webhook.web;

import jakarta.servlet.http.HttpServletRequest;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.api.wire.WebhookCreationRequest;
import org.registrysecrets.api.wire.WebhookDeliveryList;
import org.registrysecrets.api.wire.WebhookInfo;
import org.registrysecrets.api.wire.WebhookList;
import org.registrysecrets.server.http.ApiError;
import org.registrysecrets.server.http.ApiErrorCode;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.webhook.WebhookNotFoundException;
import org.registrysecrets.server.webhook.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /platform/v1/webhooks}: the caller's tenant's webhooks (scope {@code
 * registrysecrets.webhooks.manage}). The signing secret goes in once and never comes back.
 */
@RestController
@RequestMapping(path = "/platform/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

  private final Webhooks webhooks;
  private final ApiErrorWriter errors;

  WebhookController(Webhooks webhooks, ApiErrorWriter errors) {
    this.webhooks = webhooks;
    this.errors = errors;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WebhookInfo> register(Caller caller, @RequestBody WebhookCreationRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.register(caller, request));
  }

  @GetMapping
  WebhookList list(Caller caller) {
    var list = webhooks.list(caller.tenant());
    return new WebhookList(list.size(), list);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(Caller caller, @PathVariable String id) {
    webhooks.remove(caller.tenant(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/deliveries")
  WebhookDeliveryList deliveries(Caller caller, @PathVariable String id) {
    var list = webhooks.deliveries(caller.tenant(), id);
    return new WebhookDeliveryList(list.size(), list);
  }

  @ExceptionHandler(WebhookNotFoundException.class)
  ResponseEntity<ErrorResponse> notFound(WebhookNotFoundException e, HttpServletRequest request) {
    return errors.entity(
        new ApiError(ApiErrorCode.NOT_FOUND, String.valueOf(e.getMessage())), request);
  }
}

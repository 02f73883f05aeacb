package org.registrysecrets.server.issuer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.api.wire.ServiceKeyCreationRequest;
import org.registrysecrets.api.wire.ServiceKeyInfo;
import org.registrysecrets.server.http.ApiError;
import org.registrysecrets.server.http.ApiErrorCode;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * {@code /platform/v1/service-keys}: issue keys for more tenants and roles, list them without
 * secrets, revoke them. Needs the scope {@code registrysecrets.servicekeys.manage}.
 */
@RestController
@RequestMapping("/platform/v1/service-keys")
@ConditionalOnProperty(name = "regsecrets.issuer.enabled", matchIfMissing = true)
class ServiceKeyController {

  private final ServiceKeyService serviceKeys;
  private final ApiErrorWriter errors;

  ServiceKeyController(ServiceKeyService serviceKeys, ApiErrorWriter errors) {
    this.serviceKeys = serviceKeys;
    this.errors = errors;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceKey> create(@RequestBody ServiceKeyCreationRequest request) {
    if (request.tenant() == null || request.role() == null) {
      throw new InvalidInputException("Give \"tenant\" and \"role\" (viewer or editor).");
    }
    String description = request.description() == null ? "" : request.description();
    ServiceKey key =
        serviceKeys.create(
            TenantId.of(request.tenant()), ServiceKeyRole.grantable(request.role()), description);
    return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(key);
  }

  @GetMapping
  Map<String, Object> list() {
    List<ServiceKeyInfo> keys = serviceKeys.list();
    return Map.of("count", keys.size(), "resources", keys);
  }

  @DeleteMapping("/{clientId}")
  ResponseEntity<Void> revoke(@PathVariable String clientId) {
    serviceKeys.revoke(clientId);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(ServiceKeyNotFoundException.class)
  ResponseEntity<ErrorResponse> notFound(
      ServiceKeyNotFoundException e, HttpServletRequest request) {
    return errors.entity(
        new ApiError(ApiErrorCode.NOT_FOUND, String.valueOf(e.getMessage())), request);
  }

  @ExceptionHandler(ServiceKeyInUseException.class)
  ResponseEntity<ErrorResponse> inUse(ServiceKeyInUseException e, HttpServletRequest request) {
    return errors.entity(
        new ApiError(ApiErrorCode.CONFLICT, String.valueOf(e.getMessage())), request);
  }
}

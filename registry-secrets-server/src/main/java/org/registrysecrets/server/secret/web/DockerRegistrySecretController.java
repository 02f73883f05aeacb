package org.registrysecrets.server.secret.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.dockerconfig.ParsedDockerConfig;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.DockerRegistrySecretCreationRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretData;
import org.registrysecrets.api.wire.DockerRegistrySecretExpiry;
import org.registrysecrets.api.wire.DockerRegistrySecretList;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import org.registrysecrets.api.wire.DockerRegistrySecretModificationRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretRecheck;
import org.registrysecrets.api.wire.DockerRegistrySecretSource;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.api.wire.PullCheckRequest;
import org.registrysecrets.api.wire.PullCheckResponse;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.api.wire.RegistrySecretsExtension;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.api.wire.ResourceQuotaResponse;
import org.registrysecrets.api.wire.SecretVersionInfo;
import org.registrysecrets.api.wire.SecretVersionList;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.server.http.QueryParameters;
import org.registrysecrets.server.secret.DockerRegistrySecret;
import org.registrysecrets.server.secret.DockerRegistrySecretPage;
import org.registrysecrets.server.secret.DockerRegistrySecretService;
import org.registrysecrets.server.secret.ExpectedVersions;
import org.registrysecrets.server.secret.Paging;
import org.registrysecrets.server.secret.SecretExpiry;
import org.registrysecrets.server.secret.SecretOptions;
import org.registrysecrets.server.secret.SecretProperties;
import org.registrysecrets.server.secret.SecretPullChecks;
import org.registrysecrets.server.secret.SecretQuota;
import org.registrysecrets.server.secret.SecretRecheck;
import org.registrysecrets.server.secret.SecretSource;
import org.registrysecrets.server.secret.SecretVersion;
import org.registrysecrets.server.secret.SyncStatusProvider;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.source.CredentialSources;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SAP AI Core's {@code /v2/admin/dockerRegistrySecrets} and its quota call. Each handler turns wire
 * records into domain values, calls one service method and maps the result; paging and {@code
 * If-Match} arrive already bound. The {@code AI-Resource-Group} header is accepted and ignored, as
 * these secrets are tenant-wide.
 */
@RestController
@RequestMapping(path = "/v2/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class DockerRegistrySecretController {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  private final DockerRegistrySecretService secrets;
  private final SecretPullChecks pullChecks;

  /** The Kubernetes sync, when it runs: looked up once, not on every read. */
  private final @Nullable SyncStatusProvider syncStatus;

  private final CredentialSources sources;
  private final SecretProperties properties;
  private final Clock clock;

  DockerRegistrySecretController(
      DockerRegistrySecretService secrets,
      SecretPullChecks pullChecks,
      ObjectProvider<SyncStatusProvider> syncStatus,
      CredentialSources sources,
      SecretProperties properties,
      Clock clock) {
    this.secrets = secrets;
    this.pullChecks = pullChecks;
    this.syncStatus = syncStatus.getIfAvailable();
    this.sources = sources;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * AI Core's list; {@code expiringWithin} (an ISO-8601 duration such as {@code P7D}, Registry
   * Secrets only) keeps the secrets whose earliest expiry falls before then, expired ones included.
   */
  @GetMapping("/dockerRegistrySecrets")
  DockerRegistrySecretList list(
      Caller caller,
      Paging paging,
      @RequestParam(name = "expiringWithin", required = false) @Nullable String expiringWithin) {
    Map<String, DockerRegistrySecretSync> sync = syncOf(caller.tenant());
    if (expiringWithin != null) {
      Instant before = clock.instant().plus(duration(expiringWithin));
      List<DockerRegistrySecretMetadata> expiring =
          secrets.list(caller.tenant(), Paging.ALL).secrets().stream()
              .filter(
                  secret -> secret.expiry() != null && secret.expiry().earliest().isBefore(before))
              .map(secret -> metadata(secret, sync))
              .toList();
      List<DockerRegistrySecretMetadata> page =
          expiring.stream().skip(paging.skip()).limit(paging.top()).toList();
      return new DockerRegistrySecretList(
          paging.countTotal() ? expiring.size() : page.size(), page);
    }
    DockerRegistrySecretPage page = secrets.list(caller.tenant(), paging);
    List<DockerRegistrySecretMetadata> resources =
        page.secrets().stream().map(secret -> metadata(secret, sync)).toList();
    Long total = page.total();
    return new DockerRegistrySecretList(total != null ? total : resources.size(), resources);
  }

  @PostMapping(path = "/dockerRegistrySecrets", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DockerRegistrySecretChangeResponse> create(
      Caller caller,
      @RequestParam(name = "verify", required = false) @Nullable String verify,
      @RequestBody(required = false) @Nullable DockerRegistrySecretCreationRequest body) {
    if (body == null || body.name() == null) {
      throw new InvalidInputException(
          "Give the secret's \"name\" and its \"data\" (or a \"source\").");
    }
    SecretName name = SecretName.of(body.name());
    CredentialSourceRequest source = sourceOf(body.data(), body.source());
    if (source != null) {
      DockerRegistrySecret created =
          secrets.create(
              caller,
              name,
              sources.parse(source),
              VerifyMode.parse(verify),
              sourceOptions(body.extension()));
      return changed(created, DockerRegistrySecretChangeResponse.CREATED, List.of());
    }
    ParsedDockerConfig config = parse(body.data());
    DockerRegistrySecret created =
        secrets.create(
            caller,
            name,
            config.config(),
            VerifyMode.parse(verify),
            options(body.extension(), config.config()));
    return changed(created, DockerRegistrySecretChangeResponse.CREATED, config.warnings());
  }

  /** A 202 with the new version's ETag, the parser's warnings and what a check left open. */
  private static ResponseEntity<DockerRegistrySecretChangeResponse> changed(
      DockerRegistrySecret saved, String message, List<String> parserWarnings) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .eTag(IfMatchArgumentResolver.etag(saved.version()))
        .body(
            new DockerRegistrySecretChangeResponse(
                saved.name().value(), message, warnings(parserWarnings, saved)));
  }

  /**
   * The {@code source} of a body, or {@code null} for a static {@code data}.
   *
   * @throws InvalidInputException if the body gives both
   */
  private static @Nullable CredentialSourceRequest sourceOf(
      @Nullable DockerRegistrySecretData data, @Nullable CredentialSourceRequest source) {
    if (source != null && data != null) {
      throw new InvalidInputException(
          "Give either \"data\" (a Docker config) or \"source\" (a cloud credential the server"
              + " renews logins from), not both.");
    }
    return source;
  }

  @GetMapping("/dockerRegistrySecrets/{dockerRegistryName}")
  ResponseEntity<DockerRegistrySecretMetadata> get(
      Caller caller, @PathVariable String dockerRegistryName) {
    DockerRegistrySecret secret = secrets.get(caller.tenant(), SecretName.of(dockerRegistryName));
    return ResponseEntity.ok()
        .eTag(IfMatchArgumentResolver.etag(secret.version()))
        .body(metadata(secret, syncOf(caller.tenant())));
  }

  @PatchMapping(
      path = "/dockerRegistrySecrets/{dockerRegistryName}",
      consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<DockerRegistrySecretChangeResponse> modify(
      Caller caller,
      @PathVariable String dockerRegistryName,
      ExpectedVersions expected,
      @RequestParam(name = "verify", required = false) @Nullable String verify,
      @RequestBody(required = false) @Nullable DockerRegistrySecretModificationRequest body) {
    SecretName name = SecretName.of(dockerRegistryName);
    if (body == null) {
      throw new InvalidInputException("Give the new \"data\" or \"source\" of the secret.");
    }
    if (body.name() != null && !body.name().equals(name.value())) {
      throw new InvalidInputException(
          "A secret's name cannot be changed; remove the secret and create it again under the new"
              + " name.");
    }
    CredentialSourceRequest source = sourceOf(body.data(), body.source());
    if (source != null) {
      DockerRegistrySecret modified =
          secrets.modify(
              caller,
              name,
              sources.parse(source),
              expected,
              VerifyMode.parse(verify),
              sourceOptions(body.extension()));
      return changed(modified, DockerRegistrySecretChangeResponse.MODIFIED, List.of());
    }
    ParsedDockerConfig config = parse(body.data());
    DockerRegistrySecret modified =
        secrets.modify(
            caller,
            name,
            config.config(),
            expected,
            VerifyMode.parse(verify),
            options(body.extension(), config.config()));
    return changed(modified, DockerRegistrySecretChangeResponse.MODIFIED, config.warnings());
  }

  /**
   * The parser's warnings, then what an advisory check could not settle (a strict check that got
   * here passed, so it adds nothing).
   */
  private static List<String> warnings(List<String> parserWarnings, DockerRegistrySecret saved) {
    RegistryVerification verification = saved.verification();
    if (verification == null || verification.acceptable()) {
      return parserWarnings;
    }
    List<String> warnings = new ArrayList<>(parserWarnings);
    for (RegistryCheckResult result : verification.results()) {
      if (!result.acceptable()) {
        warnings.add(
            "The registry check of "
                + result.registry()
                + " was inconclusive ("
                + result.status()
                + ": "
                + result.reason()
                + "); the secret was stored anyway.");
      }
    }
    return warnings;
  }

  /** Registry Secrets only: the kept versions, newest first, without content. */
  @GetMapping("/dockerRegistrySecrets/{dockerRegistryName}/versions")
  SecretVersionList versions(Caller caller, @PathVariable String dockerRegistryName) {
    SecretName name = SecretName.of(dockerRegistryName);
    List<SecretVersion> kept = secrets.versions(caller.tenant(), name);
    long current = kept.isEmpty() ? -1 : kept.get(0).version();
    return new SecretVersionList(
        kept.size(),
        kept.stream()
            .map(
                version ->
                    new SecretVersionInfo(
                        version.version(),
                        version.createdAt(),
                        version.actor(),
                        version.origin(),
                        version.registries(),
                        version.fingerprint(),
                        version.version() == current))
            .toList());
  }

  /** Registry Secrets only: a kept version's content becomes the newest version. */
  @PostMapping("/dockerRegistrySecrets/{dockerRegistryName}/versions/{version}/restore")
  ResponseEntity<DockerRegistrySecretChangeResponse> restore(
      Caller caller,
      @PathVariable String dockerRegistryName,
      @PathVariable String version,
      ExpectedVersions expected) {
    SecretName name = SecretName.of(dockerRegistryName);
    DockerRegistrySecret restored =
        secrets.restore(caller, name, QueryParameters.nonNegative("version", version), expected);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .eTag(IfMatchArgumentResolver.etag(restored.version()))
        .body(
            new DockerRegistrySecretChangeResponse(
                name.value(), DockerRegistrySecretChangeResponse.RESTORED, List.of()));
  }

  @DeleteMapping("/dockerRegistrySecrets/{dockerRegistryName}")
  ResponseEntity<DockerRegistrySecretChangeResponse> delete(
      Caller caller, @PathVariable String dockerRegistryName, ExpectedVersions expected) {
    SecretName name = SecretName.of(dockerRegistryName);
    secrets.delete(caller, name, expected);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new DockerRegistrySecretChangeResponse(
                name.value(), DockerRegistrySecretChangeResponse.DELETED, List.of()));
  }

  /** Checks the stored credentials against their registries again; the result is kept. */
  @PostMapping("/dockerRegistrySecrets/{dockerRegistryName}/verify")
  RegistryVerification verify(Caller caller, @PathVariable String dockerRegistryName) {
    return secrets.verify(caller, SecretName.of(dockerRegistryName));
  }

  /**
   * Registry Secrets only: could a kubelet pull these images with the secret? With {@code
   * fromWorkloads=true}, also the images of the Pods that pull with it (Kubernetes sync).
   */
  @PostMapping(path = "/dockerRegistrySecrets/{dockerRegistryName}/pull-check")
  PullCheckResponse pullCheck(
      Caller caller,
      @PathVariable String dockerRegistryName,
      @RequestParam(name = "fromWorkloads", required = false) @Nullable String fromWorkloads,
      @RequestBody(required = false) @Nullable PullCheckRequest body) {
    SecretName name = SecretName.of(dockerRegistryName);
    List<String> images =
        new ArrayList<>(body == null || body.images() == null ? List.of() : body.images());
    if (images.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException("\"images\" lists image references as strings.");
    }
    if (QueryParameters.bool("fromWorkloads", fromWorkloads)) {
      if (syncStatus == null) {
        throw new InvalidInputException(
            "fromWorkloads needs the Kubernetes sync (regsecrets.kubernetes.enabled).");
      }
      DockerRegistrySecretSync sync = syncOf(caller.tenant()).get(name.value());
      if (sync != null) {
        sync.images().stream().filter(image -> !images.contains(image)).forEach(images::add);
      }
      if (images.isEmpty()) {
        secrets.get(caller.tenant(), name);
        return new PullCheckResponse(List.of());
      }
    }
    return new PullCheckResponse(pullChecks.check(caller.tenant(), name, images));
  }

  @GetMapping("/resourceQuota/dockerRegistrySecrets")
  ResourceQuotaResponse quota(
      Caller caller,
      @RequestParam(name = "quotaOnly", required = false) @Nullable String quotaOnly) {
    SecretQuota quota =
        secrets.quota(caller.tenant(), !QueryParameters.bool("quotaOnly", quotaOnly));
    Long used = quota.used();
    return new ResourceQuotaResponse(
        used == null ? null : new ResourceQuotaResponse.Usage(used),
        new ResourceQuotaResponse.Quota(quota.maxCount()));
  }

  private static ParsedDockerConfig parse(@Nullable DockerRegistrySecretData data) {
    if (data == null || data.dockerConfigJson() == null) {
      throw new InvalidInputException(
          "Give \"data\": {\".dockerconfigjson\": \"<Docker config JSON as a string>\"}.");
    }
    return DockerConfigParser.parse(data.dockerConfigJson());
  }

  private Map<String, DockerRegistrySecretSync> syncOf(TenantId tenant) {
    return syncStatus == null ? Map.of() : syncStatus.statuses(tenant);
  }

  private DockerRegistrySecretMetadata metadata(
      DockerRegistrySecret secret, Map<String, DockerRegistrySecretSync> sync) {
    SecretExpiry expiry = secret.expiry();
    SecretRecheck recheck = secret.recheck();
    SecretSource source = secret.source();
    return new DockerRegistrySecretMetadata(
        secret.name().value(),
        secret.createdAt(),
        secret.modifiedAt(),
        secret.registries(),
        secret.version(),
        secret.verification(),
        sync.get(secret.name().value()),
        expiry == null
            ? null
            : new DockerRegistrySecretExpiry(
                expiry.earliest(),
                expiry.state(clock.instant(), properties.expiryWarning()),
                expiry.registries().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            Map.Entry::getKey,
                            entry ->
                                new DockerRegistrySecretExpiry.RegistryExpiry(
                                    entry.getValue().expiresAt(), entry.getValue().source())))),
        recheck == null
            ? null
            : new DockerRegistrySecretRecheck(
                recheck.every().toString(), recheck.nextAt(), recheck.state()),
        source == null
            ? null
            : new DockerRegistrySecretSource(
                source.type(),
                source.expiresAt(),
                source.renewedAt(),
                source.renewAt(),
                source.state(),
                source.message()));
  }

  /**
   * What a body with a {@code source} says in {@code x-regsecrets}: a re-check interval; never an
   * expiry, which the vendor decides.
   */
  private static SecretOptions sourceOptions(@Nullable RegistrySecretsExtension extension) {
    if (extension == null) {
      return SecretOptions.NONE;
    }
    if (extension.expiresAt() != null || extension.registries() != null) {
      throw new InvalidInputException(
          "x-regsecrets expiries do not apply to a secret with a source: its vendor decides when"
              + " each login expires, and the server renews it before then.");
    }
    return new SecretOptions(Map.of(), recheck(extension.recheck()));
  }

  /** What a create or patch body says in {@code x-regsecrets}. */
  private static SecretOptions options(
      @Nullable RegistrySecretsExtension extension, DockerConfigJson config) {
    return new SecretOptions(
        expiries(extension, config), extension == null ? null : recheck(extension.recheck()));
  }

  /** {@code null} (keep), {@link Duration#ZERO} ({@code off}) or a positive duration. */
  private static @Nullable Duration recheck(@Nullable String value) {
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase(RegistrySecretsExtension.OFF)) {
      return Duration.ZERO;
    }
    try {
      Duration every = Duration.parse(value);
      if (!every.isNegative() && !every.isZero()) {
        return every;
      }
    } catch (DateTimeParseException e) {
      // Answered below.
    }
    throw new InvalidInputException(
        "x-regsecrets.recheck must be an ISO-8601 duration such as P1D or PT6H, or \"off\".");
  }

  /**
   * The expiries a create or patch body gives in {@code x-regsecrets}, by registry entry: the
   * top-level {@code expiresAt} for every entry, then each entry's own.
   */
  private static Map<String, Instant> expiries(
      @Nullable RegistrySecretsExtension extension, DockerConfigJson config) {
    if (extension == null) {
      return Map.of();
    }
    Map<String, Instant> given = new LinkedHashMap<>();
    Instant forAll = extension.expiresAt();
    if (forAll != null) {
      config.registries().forEach(registry -> given.put(registry, forAll));
    }
    Map<String, RegistrySecretsExtension.Registry> perEntry = extension.registries();
    if (perEntry == null) {
      return given;
    }
    perEntry.forEach(
        (registry, options) -> {
          if (options != null && options.expiresAt() != null) {
            given.put(registry, options.expiresAt());
          }
        });
    return given;
  }

  private static Duration duration(String value) {
    Duration duration;
    try {
      duration = Duration.parse(value);
    } catch (DateTimeParseException e) {
      duration = Duration.ofSeconds(-1);
    }
    if (duration.isNegative()) {
      throw new InvalidInputException(
          "expiringWithin must be an ISO-8601 duration such as P7D or PT12H.");
    }
    return duration;
  }
}

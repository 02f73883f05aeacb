package org.registrysecrets.server.registry;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.RegistryCredential;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import org.registrysecrets.api.image.ImageReference;
import org.registrysecrets.api.wire.PullCheckResult;

/**
 * Checks that a secret's credentials can pull images, without pulling: for each image, the entry a
 * kubelet would use (the most specific key that serves the registry and repository), the registry
 * login flow with the pull scope of that repository, and {@code HEAD} on its manifest. Same guard,
 * timeouts and size limits as the login check.
 */
public class PullChecker {

  /** The most images one check takes. */
  public static final int MAX_IMAGES = 20;

  /** The manifest types a container runtime asks for, multi-platform indexes first. */
  static final String MANIFEST_TYPES =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private final RegistryHttp http;

  PullChecker(RegistryHttp http) {
    this.http = http;
  }

  /** One result per image, in order; {@code images} were given as {@code references}. */
  public List<PullCheckResult> check(
      DockerConfigJson config, List<String> references, List<ImageReference> images) {
    List<RegistryCredential> entries = config.credentials();
    List<Integer> positions = IntStream.range(0, images.size()).boxed().toList();
    return http.inParallel(
        positions,
        i -> check(entries, references.get(i), images.get(i)),
        (i, reason) ->
            new PullCheckResult(
                references.get(i), PullCheckResult.UNREACHABLE, null, null, null, reason));
  }

  private PullCheckResult check(
      List<RegistryCredential> entries, String reference, ImageReference image) {
    RegistryCredential entry = servingEntry(entries, image);
    if (entry == null) {
      return new PullCheckResult(
          reference,
          PullCheckResult.NO_CREDENTIALS,
          null,
          null,
          null,
          "the secret has no entry for " + image.registry());
    }
    RegistryKey key = RegistryKey.parse(entry.registry());
    try {
      URI manifest =
          URI.create(
              http.baseUrl(key)
                  + "/v2/"
                  + image.repository()
                  + "/manifests/"
                  + image.manifestReference());
      RegistryHttp.Answer answer = http.head(manifest, null, MANIFEST_TYPES);
      if (answer.status() == 401) {
        answer = withCredentials(entry, image, manifest, answer);
      }
      return outcome(reference, entry, answer);
    } catch (IOException | RuntimeException e) {
      RegistryHttp.Refusal refusal = http.failure(e, key.host());
      String status =
          switch (refusal.kind()) {
            case TLS -> PullCheckResult.TLS_ERROR;
            case CREDENTIALS -> PullCheckResult.DENIED;
            case PROTOCOL, UNREACHABLE -> PullCheckResult.UNREACHABLE;
          };
      return new PullCheckResult(reference, status, entry.registry(), null, null, refusal.reason());
    }
  }

  /**
   * The registry asked for credentials: Basic directly, Bearer with the repository's pull scope.
   */
  private RegistryHttp.Answer withCredentials(
      RegistryCredential entry, ImageReference image, URI manifest, RegistryHttp.Answer challenged)
      throws IOException {
    AuthenticateChallenge challenge = AuthenticateChallenge.parse(challenged.authenticate());
    String basic = entry.basicAuthorization();
    if (challenge == null || basic == null) {
      return challenged;
    }
    if (challenge.scheme().equals("basic")) {
      return http.head(manifest, basic, MANIFEST_TYPES);
    }
    if (challenge.scheme().equals("bearer")) {
      String token =
          http.bearerToken(
              challenge, entry.username(), basic, "repository:" + image.repository() + ":pull");
      return http.head(manifest, "Bearer " + token, MANIFEST_TYPES);
    }
    return challenged;
  }

  private static PullCheckResult outcome(
      String reference, RegistryCredential entry, RegistryHttp.Answer answer) {
    return switch (answer.status()) {
      case 200 ->
          new PullCheckResult(
              reference,
              PullCheckResult.PULLABLE,
              entry.registry(),
              answer.digest(),
              mediaType(answer.contentType()),
              "the registry serves the manifest with these credentials");
      case 401, 403 ->
          new PullCheckResult(
              reference,
              PullCheckResult.DENIED,
              entry.registry(),
              null,
              null,
              "the registry refused the credentials for this repository");
      case 404 ->
          new PullCheckResult(
              reference,
              PullCheckResult.NOT_FOUND,
              entry.registry(),
              null,
              null,
              "no such repository, tag or digest");
      default ->
          new PullCheckResult(
              reference,
              PullCheckResult.UNREACHABLE,
              entry.registry(),
              null,
              null,
              "HEAD on the manifest answered " + answer.status());
    };
  }

  /** The entry a kubelet would use: the most specific key that serves the image. */
  private static @Nullable RegistryCredential servingEntry(
      List<RegistryCredential> entries, ImageReference image) {
    RegistryCredential best = null;
    int bestMatch = -1;
    for (RegistryCredential entry : entries) {
      int match = image.match(RegistryKey.parse(entry.registry()));
      if (match > bestMatch) {
        best = entry;
        bestMatch = match;
      }
    }
    return best;
  }

  private static @Nullable String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }
}

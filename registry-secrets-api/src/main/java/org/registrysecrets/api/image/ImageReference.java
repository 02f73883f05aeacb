package org.registrysecrets.api.image;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.dockerconfig.RegistryKey;

/**
 * An image reference as Docker reads it: {@code [registry/]repository[:tag][@digest]}. Without a
 * registry (the first component has no {@code .} or {@code :} and is not {@code localhost}) it is
 * Docker Hub, where one-component names live under {@code library/}; without tag or digest the tag
 * is {@code latest}.
 *
 * @param registry {@code host[:port]}, lower case; {@code docker.io} for Docker Hub
 * @param repository the repository path, e.g. {@code library/python}
 * @param tag the tag, or {@code null} when the reference pins a digest only
 * @param digest {@code algorithm:hex}, or {@code null}
 */
public record ImageReference(
    String registry, String repository, @Nullable String tag, @Nullable String digest) {

  public static final String DOCKER_HUB = "docker.io";

  private static final int MAX_LENGTH = 512;
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]{1,5})?|\\[[0-9a-fA-F:.]+\\](?::[0-9]{1,5})?");

  /**
   * @throws InvalidInputException naming the reference and what is wrong with it
   */
  public static ImageReference parse(String reference) {
    if (reference.isEmpty() || reference.length() > MAX_LENGTH) {
      throw invalid(reference, "must be 1 to " + MAX_LENGTH + " characters long");
    }
    String rest = reference;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw invalid(reference, "has a digest that is not algorithm:hex (sha256:…)");
      }
    }
    String tag = null;
    int lastSlash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(reference, "has a tag other than letters, digits, '_', '.' and '-'");
      }
    }
    String registry = DOCKER_HUB;
    String repository = rest;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        if (!HOST.matcher(first).matches()) {
          throw invalid(reference, "has an invalid registry host");
        }
        registry = first.toLowerCase(Locale.ROOT);
        repository = rest.substring(slash + 1);
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    for (String component : repository.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(
            reference,
            "has a repository path that is not lowercase letters and digits separated by '/',"
                + " '.', '_' or '-'");
      }
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  /** What the manifest request names: the digest if pinned, else the tag. */
  public String manifestReference() {
    return digest != null ? digest : String.valueOf(tag);
  }

  /**
   * How closely a key of {@code auths} serves this image, as the kubelet matches them: same
   * registry (Docker Hub aliases included), and the key's path, if any, a prefix of the
   * repository's components. Larger is more specific; negative means the key does not serve it.
   */
  public int match(RegistryKey key) {
    if (key.normalized().equals(RegistryKey.DOCKER_HUB)) {
      return registry.equals(DOCKER_HUB) ? 0 : -1;
    }
    if (!key.host().equals(registry)) {
      return -1;
    }
    String normalized = key.normalized();
    int pathStart = normalized.indexOf('/', normalized.indexOf(key.host()) + key.host().length());
    if (pathStart < 0) {
      return 0;
    }
    String path = normalized.substring(pathStart + 1);
    if (path.isEmpty()) {
      return 0;
    }
    return repository.equals(path) || repository.startsWith(path + "/")
        ? path.split("/").length
        : -1;
  }

  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag != null ? ":" + tag : "")
        + (digest != null ? "@" + digest : "");
  }

  private static InvalidInputException invalid(String reference, String problem) {
    String shown = reference.length() > 80 ? reference.substring(0, 80) + "…" : reference;
    return new InvalidInputException("The image reference " + shown + " " + problem + ".");
  }
}

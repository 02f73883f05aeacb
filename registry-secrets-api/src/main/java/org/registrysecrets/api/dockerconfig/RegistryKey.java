package org.registrysecrets.api.dockerconfig;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Urls;

/**
 * A key of {@code auths}: {@code [https://]host[:port][/path]}, parsed by hand in one pass.
 *
 * @param key the key as the user wrote it
 * @param normalized the key other keys are compared with: Docker Hub aliases become {@link
 *     #DOCKER_HUB}, the host is lower case, a trailing slash and {@code https://} are dropped
 * @param host {@code host[:port]}, lower case
 * @param plainHttp whether the key names the {@code http://} scheme
 */
public record RegistryKey(String key, String normalized, String host, boolean plainHttp) {

  /** Docker Hub's canonical key, which Docker itself writes. */
  public static final String DOCKER_HUB = "https://index.docker.io/v1/";

  private static final Set<String> DOCKER_HUB_HOSTS =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io");
  private static final int MAX_KEY_LENGTH = 512;

  /** Whether this key is a Docker Hub alias other than the canonical key. */
  public boolean isDockerHubAlias() {
    return normalized.equals(DOCKER_HUB) && !key.equals(DOCKER_HUB);
  }

  /** The key to store: the canonical Docker Hub key for Docker Hub, else the key unchanged. */
  public String storedKey() {
    return normalized.equals(DOCKER_HUB) ? DOCKER_HUB : key;
  }

  public static RegistryKey parse(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw invalid(key, "must be 1 to " + MAX_KEY_LENGTH + " characters long");
    }
    String rest = key;
    boolean plainHttp = false;
    int schemeEnd = rest.indexOf("://");
    if (schemeEnd >= 0) {
      String scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      if (scheme.equals("http")) {
        plainHttp = true;
      } else if (!scheme.equals("https")) {
        throw invalid(key, "uses a scheme other than https:// or http://");
      }
      rest = rest.substring(schemeEnd + 3);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    String host = authority.toLowerCase(Locale.ROOT);
    String problem = problemWithAuthority(host);
    if (problem == null) {
      problem = problemWithPath(path);
    }
    if (problem != null) {
      throw invalid(key, problem);
    }
    String trimmedPath = Urls.withoutTrailingSlashes(path);
    String hostName = host.startsWith("[") ? host : host.split(":", 2)[0];
    if (DOCKER_HUB_HOSTS.contains(hostName)
        && (trimmedPath.isEmpty() || trimmedPath.equals("/v1") || trimmedPath.equals("/v2"))) {
      return new RegistryKey(key, DOCKER_HUB, "index.docker.io", plainHttp);
    }
    String normalized = (plainHttp ? "http://" : "") + host + trimmedPath;
    return new RegistryKey(key, normalized, host, plainHttp);
  }

  private static @Nullable String problemWithAuthority(String authority) {
    if (authority.isEmpty()) {
      return "has no host name";
    }
    String hostPart = authority;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return "has an IPv6 address without a closing ']'";
      }
      for (int i = 1; i < close; i++) {
        char c = authority.charAt(i);
        if (!(isHex(c) || c == ':' || c == '.')) {
          return "has an invalid IPv6 address";
        }
      }
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          return "has characters after the IPv6 address";
        }
        port = after.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0) {
        hostPart = authority.substring(0, colon);
        port = authority.substring(colon + 1);
      }
      if (hostPart.isEmpty() || hostPart.startsWith(".") || hostPart.startsWith("-")) {
        return "has an invalid host name";
      }
      for (int i = 0; i < hostPart.length(); i++) {
        char c = hostPart.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
          return "has a host name with a character other than letters, digits, '.' or '-'";
        }
      }
    }
    if (port != null && !isPort(port)) {
      return "has a port that is not a number from 1 to 65535";
    }
    return null;
  }

  private static @Nullable String problemWithPath(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '/'
              || c == '.'
              || c == '-'
              || c == '_';
      if (!allowed) {
        return "has a path with a character other than letters, digits, '/', '.', '-' or '_'";
      }
    }
    return null;
  }

  private static boolean isPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static InvalidInputException invalid(String key, String problem) {
    return new InvalidInputException(
        "The registry key \""
            + printable(key)
            + "\" in auths "
            + problem
            + "; use [https://]host[:port][/path].");
  }

  /** The key shortened and stripped of control characters, safe to put in a message. */
  static String printable(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length() && out.length() < 80; i++) {
      char c = key.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return key.length() > 80 ? out + "..." : out.toString();
  }
}

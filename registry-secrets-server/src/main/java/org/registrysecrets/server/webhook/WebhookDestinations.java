package org.registrysecrets.server.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.outbound.AddressGuard;
import org.registrysecrets.server.outbound.ForbiddenAddressException;
import org.registrysecrets.server.outbound.GuardedDnsResolver;
import org.registrysecrets.server.outbound.NameResolver;

/**
 * Which URLs may receive events: {@code https} (or {@code http} to an allow-listed host), no user
 * info, and a host that resolves only to addresses the guard allows. Delivery resolves again
 * through the same guard, so a name that changes its address later is still refused.
 */
final class WebhookDestinations {

  static final int MAX_URL_LENGTH = 2000;

  private final AddressGuard guard;
  private final GuardedDnsResolver resolver;

  WebhookDestinations(AddressGuard guard, NameResolver names) {
    this.guard = guard;
    this.resolver = new GuardedDnsResolver(names, guard);
  }

  /**
   * The URL, checked.
   *
   * @throws InvalidInputException saying what is wrong with it
   */
  URI check(String url) {
    if (url.isBlank() || url.length() > MAX_URL_LENGTH) {
      throw new InvalidInputException(
          "url must be an https URL of at most " + MAX_URL_LENGTH + " characters.");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("url is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new InvalidInputException("url must be an absolute https URL with a host name.");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new InvalidInputException("url must not contain user info or a fragment.");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
    if (scheme.equals("http") && !guard.allowed(host, port)) {
      throw new InvalidInputException(
          "url must use https; plain http is only allowed for hosts on "
              + guard.allowListProperty()
              + ".");
    }
    try {
      guard.requirePortAllowed(host, port);
      InetAddress[] addresses = resolver.resolve(host);
      if (addresses.length == 0) {
        throw new UnknownHostException(host);
      }
    } catch (ForbiddenAddressException e) {
      throw new InvalidInputException("url is not allowed: " + e.getMessage() + ".");
    } catch (UnknownHostException e) {
      throw new InvalidInputException("url names a host that does not resolve: " + host + ".");
    }
    return uri;
  }
}

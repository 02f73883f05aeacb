package org.registrysecrets.server.outbound;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides which addresses an outbound connection may go to: public ones, and hosts the
 * administrator opened. Every special-purpose address that is not globally reachable (loopback,
 * private, link-local with cloud metadata at 169.254.169.254, shared, documentation, benchmarking,
 * reserved, multicast, unique-local, and IPv6 forms that carry such an IPv4 address) and this
 * host's own addresses are refused, whatever name led to them.
 */
public final class AddressGuard {

  private final List<String> allowedHosts;
  private final String allowListProperty;

  /**
   * @param allowListProperty the setting that opens hosts, named in refusals
   */
  public AddressGuard(List<String> allowedHosts, String allowListProperty) {
    this.allowListProperty = allowListProperty;
    this.allowedHosts =
        allowedHosts.stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .toList();
  }

  /** The setting that opens hosts. */
  public String allowListProperty() {
    return allowListProperty;
  }

  /** Whether {@code host:port} is on the allow-list (as {@code host} or as {@code host:port}). */
  public boolean allowed(String host, int port) {
    String name = host.toLowerCase(Locale.ROOT);
    return allowedHosts.contains(name) || allowedHosts.contains(name + ":" + port);
  }

  /**
   * Refuses a host the allow-list opens only on other ports: its name may resolve to anything, so
   * only the listed ports may be used.
   */
  public void requirePortAllowed(String host, int port) throws ForbiddenAddressException {
    if (!allowed(host, port) && opens(host)) {
      throw new ForbiddenAddressException(host + ":" + port + " is not on " + allowListProperty);
    }
  }

  /**
   * Whether the allow-list names {@code host} with any port: only then may its name resolve to
   * anything.
   */
  public boolean opens(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return allowedHosts.stream()
        .anyMatch(entry -> entry.equals(name) || entry.startsWith(name + ":"));
  }

  /**
   * Why {@code address} may not be reached, or {@code null} if it may: a special-purpose address
   * that is not globally reachable, or one of this host's own addresses.
   */
  public static @Nullable String problemWith(InetAddress address) {
    String special = SpecialAddresses.problemWith(address);
    if (special != null) {
      return special;
    }
    return OwnAddresses.contains(address) ? "an address of this server's own host" : null;
  }
}

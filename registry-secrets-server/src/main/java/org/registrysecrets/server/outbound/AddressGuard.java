package org.registrysecrets.server.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides which addresses an outbound connection may go to: public ones, and hosts the
 * administrator opened. Loopback, private, link-local (cloud metadata at 169.254.169.254 included),
 * unique-local, shared, multicast and unspecified addresses are refused, whatever name led to them.
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

  /** Why {@code address} may not be reached, or {@code null} if it may. */
  public static @Nullable String problemWith(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (address.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (address.isLinkLocalAddress()) {
      return "a link-local address (such as a cloud metadata endpoint)";
    }
    if (address.isSiteLocalAddress()) {
      return "a private network address";
    }
    if (address.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0 || first == 255 || (first == 100 && second >= 64 && second <= 127)) {
        return "a reserved or shared address";
      }
    }
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return "a unique-local address";
      }
      if (isIpv4Mapped(bytes)) {
        try {
          byte[] v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
          return problemWith(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
          return "an unparsable address";
        }
      }
    }
    return null;
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }
}

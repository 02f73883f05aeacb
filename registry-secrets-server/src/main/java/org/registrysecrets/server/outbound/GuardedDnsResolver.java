package org.registrysecrets.server.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a name once and lets the connection use only the addresses it checked, so that a name
 * cannot point somewhere else between the check and the connection.
 */
public final class GuardedDnsResolver implements DnsResolver {

  private final NameResolver names;
  private final AddressGuard guard;

  public GuardedDnsResolver(NameResolver names, AddressGuard guard) {
    this.names = names;
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = names.resolve(host);
    if (guard.opens(host)) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      String problem = AddressGuard.problemWith(address);
      if (problem != null) {
        throw new ForbiddenAddressException(
            host
                + " resolves to "
                + problem
                + " ("
                + address.getHostAddress()
                + "), which is not allowed; an administrator can open it with "
                + guard.allowListProperty());
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}

package org.registrysecrets.server.outbound;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The addresses of this host's own interfaces, public ones included: a user-named host that
 * resolves to one of them would reach services that listen only for the host itself. Read again at
 * most once a minute, since interfaces come and go.
 */
final class OwnAddresses {

  private static final Duration FRESH = Duration.ofMinutes(1);
  private static volatile Set<InetAddress> addresses = Set.of();
  private static volatile Instant readAt = Instant.EPOCH;

  private OwnAddresses() {}

  static boolean contains(InetAddress address) {
    if (Instant.now().isAfter(readAt.plus(FRESH))) {
      addresses = read();
      readAt = Instant.now();
    }
    return addresses.contains(address);
  }

  private static Set<InetAddress> read() {
    Set<InetAddress> found = new HashSet<>();
    try {
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        found.addAll(Collections.list(network.getInetAddresses()));
      }
    } catch (SocketException e) {
      return addresses; // keep what was known
    }
    return Set.copyOf(found);
  }
}

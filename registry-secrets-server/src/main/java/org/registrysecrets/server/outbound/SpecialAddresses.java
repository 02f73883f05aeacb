package org.registrysecrets.server.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The address blocks of IANA's special-purpose registries (RFC 6890 and its updates) that are not
 * globally reachable, with what each is, plus the other blocks no server should be asked to reach
 * (multicast, reserved, deprecated). IPv6 forms that carry an IPv4 address (mapped, compatible,
 * NAT64, 6to4) are judged by the IPv4 address they carry. A table read from the registries, so that
 * a reviewer can compare it line by line.
 */
final class SpecialAddresses {

  private record Block(byte[] prefix, int length, String what) {

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int full = length / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = length % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }

  private static final List<Block> IPV4 =
      List.of(
          block("0.0.0.0", 8, "the \"this network\" block"),
          block("10.0.0.0", 8, "a private network address"),
          block("100.64.0.0", 10, "a shared (carrier-grade NAT) address"),
          block("127.0.0.0", 8, "a loopback address"),
          block("169.254.0.0", 16, "a link-local address (such as a cloud metadata endpoint)"),
          block("172.16.0.0", 12, "a private network address"),
          block("192.0.0.0", 24, "an IETF protocol assignment"),
          block("192.0.2.0", 24, "a documentation address"),
          block("192.88.99.0", 24, "a deprecated 6to4 relay address"),
          block("192.168.0.0", 16, "a private network address"),
          block("198.18.0.0", 15, "a benchmarking address"),
          block("198.51.100.0", 24, "a documentation address"),
          block("203.0.113.0", 24, "a documentation address"),
          block("224.0.0.0", 4, "a multicast address"),
          block("240.0.0.0", 4, "a reserved address"),
          block("255.255.255.255", 32, "the broadcast address"));

  private static final List<Block> IPV6 =
      List.of(
          block("::1", 128, "a loopback address"),
          block("::", 128, "the unspecified address"),
          block("::", 96, "an IPv4-compatible address (deprecated)"),
          block("64:ff9b:1::", 48, "a local-use NAT64 address"),
          block("100::", 64, "a discard-only address"),
          block("2001::", 23, "an IETF protocol assignment (such as Teredo)"),
          block("2001:db8::", 32, "a documentation address"),
          block("3fff::", 20, "a documentation address"),
          block("5f00::", 16, "a segment routing (SRv6) address"),
          block("fc00::", 7, "a unique-local address"),
          block("fe80::", 10, "a link-local address"),
          block("fec0::", 10, "a site-local address"),
          block("ff00::", 8, "a multicast address"));

  private SpecialAddresses() {}

  /** What {@code address} is, if it is special, else {@code null}. */
  static @Nullable String problemWith(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16) {
      byte[] carried = carriedIpv4(bytes);
      if (carried != null) {
        String problem = find(IPV4, carried);
        return problem == null ? null : problem + ", carried in an IPv6 address";
      }
      return find(IPV6, bytes);
    }
    return find(IPV4, bytes);
  }

  /**
   * The IPv4 address an IPv6 address carries: IPv4-mapped {@code ::ffff:0:0/96}, NAT64 {@code
   * 64:ff9b::/96}, 6to4 {@code 2002::/16}. (IPv4-compatible {@code ::/96} is refused outright.)
   */
  private static byte @Nullable [] carriedIpv4(byte[] v6) {
    if (isZero(v6, 0, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
      return slice(v6, 12);
    }
    if (v6[0] == 0
        && v6[1] == 0x64
        && (v6[2] & 0xff) == 0xff
        && (v6[3] & 0xff) == 0x9b
        && isZero(v6, 4, 12)) {
      return slice(v6, 12);
    }
    if (v6[0] == 0x20 && v6[1] == 0x02) {
      return slice(v6, 2);
    }
    return null;
  }

  private static @Nullable String find(List<Block> blocks, byte[] address) {
    for (Block block : blocks) {
      if (block.contains(address)) {
        return block.what();
      }
    }
    return null;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] bytes, int from) {
    return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
  }

  private static Block block(String literal, int length, String what) {
    try {
      return new Block(InetAddress.getByName(literal).getAddress(), length, what);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Not an address literal: " + literal, e);
    }
  }
}

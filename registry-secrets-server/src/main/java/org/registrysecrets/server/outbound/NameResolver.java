package org.registrysecrets.server.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves host names; tests put their own in place so that no name leaves the machine. */
@FunctionalInterface
public interface NameResolver {

  NameResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}

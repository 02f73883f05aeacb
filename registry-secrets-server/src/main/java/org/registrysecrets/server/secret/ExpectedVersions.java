package org.registrysecrets.server.secret;

import java.util.Set;

/**
 * The versions a conditional write accepts ({@code If-Match}): any version, or one of a set. A
 * version no secret can have (a weak or malformed tag) makes the set match nothing.
 */
public record ExpectedVersions(boolean any, Set<Long> versions) {

  /** Last write wins. */
  public static final ExpectedVersions ANY = new ExpectedVersions(true, Set.of());

  public ExpectedVersions {
    versions = Set.copyOf(versions);
    if (!any && versions.isEmpty()) {
      throw new IllegalArgumentException("A condition needs at least one version");
    }
  }

  public static ExpectedVersions oneOf(Set<Long> versions) {
    return new ExpectedVersions(false, versions);
  }
}

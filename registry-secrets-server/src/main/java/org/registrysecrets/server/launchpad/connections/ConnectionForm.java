package org.registrysecrets.server.launchpad.connections;

import org.jspecify.annotations.Nullable;

/**
 * What the Create and Edit AI API Connection dialogs post. An empty client secret keeps the old
 * one.
 */
record ConnectionForm(
    @Nullable String name,
    @Nullable String aiApiUrl,
    @Nullable String tokenUrl,
    @Nullable String clientId,
    @Nullable String clientSecret) {

  static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  @Override
  public String toString() {
    return "ConnectionForm[" + name + ", " + aiApiUrl + ", clientSecret=****]";
  }
}

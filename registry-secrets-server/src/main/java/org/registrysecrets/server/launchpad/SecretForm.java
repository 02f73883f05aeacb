package org.registrysecrets.server.launchpad;

import org.jspecify.annotations.Nullable;

/** What the Add and Edit dialogs post: a name (Add only) and the secret in any accepted form. */
record SecretForm(@Nullable String name, @Nullable String secret) {

  @Override
  public String toString() {
    return "SecretForm[" + name + ", secret=****]";
  }
}

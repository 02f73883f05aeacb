package org.registrysecrets.server.launchpad.secrets;

import org.jspecify.annotations.Nullable;

/**
 * What the Add and Edit dialogs post: a name (Add only), the secret in any accepted form, and
 * whether to check it with the registry first.
 */
record SecretForm(@Nullable String name, @Nullable String secret, @Nullable String verify) {

  boolean verified() {
    return "true".equals(verify);
  }

  @Override
  public String toString() {
    return "SecretForm[" + name + ", secret=****]";
  }
}

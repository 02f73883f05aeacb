/**
 * Credential sources: the long-lived cloud credentials (AWS access keys, Google service account
 * keys, Entra applications, GitHub Apps) from which short-lived registry logins are derived, each
 * through its vendor's own SDK. Nothing here stores anything; the secrets module keeps the sources
 * sealed and renews the logins.
 */
@NullMarked
package org.registrysecrets.server.source;

import org.jspecify.annotations.NullMarked;

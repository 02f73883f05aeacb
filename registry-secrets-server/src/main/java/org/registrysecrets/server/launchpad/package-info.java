/**
 * The Launchpad's users: built-in logins with slow-hashed passwords (the UI itself comes later).
 */
@NullMarked
package org.registrysecrets.server.launchpad;

import org.jspecify.annotations.NullMarked;

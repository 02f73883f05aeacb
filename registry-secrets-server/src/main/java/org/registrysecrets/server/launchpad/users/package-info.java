/** Launchpad users: built-in login, roles, password changes and the first administrator. */
@NullMarked
package org.registrysecrets.server.launchpad.users;

import org.jspecify.annotations.NullMarked;

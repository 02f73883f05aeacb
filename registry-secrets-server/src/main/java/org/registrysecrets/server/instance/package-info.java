/**
 * This running instance: its data folder, the public URL clients reach it at, and the count of what
 * it logs.
 */
@NullMarked
package org.registrysecrets.server.instance;

import org.jspecify.annotations.NullMarked;

/** This running instance: its data folder and the public URL clients reach it at. */
@NullMarked
package org.registrysecrets.server.instance;

import org.jspecify.annotations.NullMarked;

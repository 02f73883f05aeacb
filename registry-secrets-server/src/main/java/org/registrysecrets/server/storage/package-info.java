/** What every JDBC repository shares: how instants and text are written to the schema. */
@NullMarked
package org.registrysecrets.server.storage;

import org.jspecify.annotations.NullMarked;

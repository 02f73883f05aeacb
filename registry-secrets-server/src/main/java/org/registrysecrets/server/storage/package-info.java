/**
 * What every JDBC repository and background job shares: how instants and text are written to the
 * schema, database leases, periodic rounds, request deadlines.
 */
@NullMarked
package org.registrysecrets.server.storage;

import org.jspecify.annotations.NullMarked;

/**
 * Connections to addresses that users name (registries, webhook receivers), behind one guard
 * against server-side request forgery: names resolve once, to addresses the guard allows, and the
 * connection uses only those.
 */
@NullMarked
package org.registrysecrets.server.outbound;

import org.jspecify.annotations.NullMarked;

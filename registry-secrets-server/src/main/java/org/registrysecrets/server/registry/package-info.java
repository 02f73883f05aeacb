/**
 * Checks credentials against their Docker registries (the Registry HTTP API v2 login flow), behind
 * a guard against server-side request forgery.
 */
@NullMarked
package org.registrysecrets.server.registry;

import org.jspecify.annotations.NullMarked;

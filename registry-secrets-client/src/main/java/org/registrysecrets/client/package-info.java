/**
 * A plain-Java client of any AI Core-compatible Docker registry secrets API: service key, cached
 * client-credentials token, typed calls and typed errors.
 */
@NullMarked
package org.registrysecrets.client;

import org.jspecify.annotations.NullMarked;

/** How our JSON mappers are built. */
@NullMarked
package org.registrysecrets.api.json;

import org.jspecify.annotations.NullMarked;

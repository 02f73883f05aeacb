/** The platform API of the data keys: {@code /platform/v1/data-keys}. */
@NullMarked
package org.registrysecrets.server.crypto.web;

import org.jspecify.annotations.NullMarked;

/**
 * How the server builds its context: from Spring AOT's build-time bean definitions when asked to
 * ({@code -Dspring.aot.enabled=true}) and only while the properties that chose them at build time
 * still have their build-time values; from the classes and conditions otherwise.
 */
@NullMarked
package org.registrysecrets.server.startup;

import org.jspecify.annotations.NullMarked;

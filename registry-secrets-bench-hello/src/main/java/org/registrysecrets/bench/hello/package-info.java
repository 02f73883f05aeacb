/** A minimal Spring Boot web application, the benchmark's framework ceiling. */
@NullMarked
package org.registrysecrets.bench.hello;

import org.jspecify.annotations.NullMarked;

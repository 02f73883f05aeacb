/**
 * What the benchmark compares the server with, added to the classpath of the server it starts
 * ({@code loader.path}) and never part of the shipped jar: a trivial JSON endpoint and the API with
 * token checking switched off.
 */
@NullMarked
package org.registrysecrets.bench.baseline;

import org.jspecify.annotations.NullMarked;

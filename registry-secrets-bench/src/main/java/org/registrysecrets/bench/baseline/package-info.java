/**
 * What the benchmark compares the server with, added to the classpath of the server it starts
 * ({@code loader.path}) and never part of the shipped jar: the API with token checking switched
 * off. The framework's ceiling is an application of its own, {@code registry-secrets-bench-hello}.
 */
@NullMarked
package org.registrysecrets.bench.baseline;

import org.jspecify.annotations.NullMarked;

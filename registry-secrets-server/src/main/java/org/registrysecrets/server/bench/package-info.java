/**
 * What the benchmark compares against, in the {@code bench} profile only: a trivial JSON endpoint
 * (the framework's ceiling) and the API with authentication switched off.
 */
@NullMarked
package org.registrysecrets.server.bench;

import org.jspecify.annotations.NullMarked;

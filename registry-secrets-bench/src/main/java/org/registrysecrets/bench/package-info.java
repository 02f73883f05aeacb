/**
 * The benchmark: every figure is a ratio against a ceiling measured on the same machine in the same
 * run.
 */
@NullMarked
package org.registrysecrets.bench;

import org.jspecify.annotations.NullMarked;

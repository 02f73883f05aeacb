/** {@code regsecrets}: the command-line tool, in the conventions of kubectl and docker login. */
@NullMarked
package org.registrysecrets.cli;

import org.jspecify.annotations.NullMarked;

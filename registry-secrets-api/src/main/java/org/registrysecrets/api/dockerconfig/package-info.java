/** Parsing, validating and normalising the {@code .dockerconfigjson} a secret carries. */
@NullMarked
package org.registrysecrets.api.dockerconfig;

import org.jspecify.annotations.NullMarked;

/** The JSON bodies of the AI Core Docker registry secret API and of the platform API. */
@NullMarked
package org.registrysecrets.api.wire;

import org.jspecify.annotations.NullMarked;

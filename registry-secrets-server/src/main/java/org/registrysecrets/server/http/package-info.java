/** HTTP concerns every API shares: request ids, body limits and AI Core's error body. */
@NullMarked
package org.registrysecrets.server.http;

import org.jspecify.annotations.NullMarked;

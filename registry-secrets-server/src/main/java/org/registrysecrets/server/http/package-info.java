/**
 * HTTP concerns every API shares: request ids, body limits, AI Core's error body and strict JSON.
 */
@NullMarked
package org.registrysecrets.server.http;

import org.jspecify.annotations.NullMarked;

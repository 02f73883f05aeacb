/**
 * HTTP concerns every API shares: request ids, body limits, AI Core's error body, strict JSON and a
 * faster lookup of request mappings.
 */
@NullMarked
package org.registrysecrets.server.http;

import org.jspecify.annotations.NullMarked;

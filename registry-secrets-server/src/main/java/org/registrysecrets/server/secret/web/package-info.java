/** The AI Core HTTP API for Docker registry secrets. */
@NullMarked
package org.registrysecrets.server.secret.web;

import org.jspecify.annotations.NullMarked;

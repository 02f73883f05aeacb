/**
 * The AI Core Docker registry secret model shared by server, client and CLI: names, configs, wire
 * records.
 */
@NullMarked
package org.registrysecrets.api;

import org.jspecify.annotations.NullMarked;

/** The Registry Secrets server: one Spring Boot application, one package per feature. */
@NullMarked
package org.registrysecrets.server;

import org.jspecify.annotations.NullMarked;

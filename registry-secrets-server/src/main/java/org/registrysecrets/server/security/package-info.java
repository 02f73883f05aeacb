/** Who may call the API: bearer tokens, SAP's scopes, and the tenant each token belongs to. */
@NullMarked
package org.registrysecrets.server.security;

import org.jspecify.annotations.NullMarked;

/** Encryption at rest: an AEAD keyset (Tink, AES-256-GCM) bound to tenant and secret name. */
@NullMarked
package org.registrysecrets.server.crypto;

import org.jspecify.annotations.NullMarked;

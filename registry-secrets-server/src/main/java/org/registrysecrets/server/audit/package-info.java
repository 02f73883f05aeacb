/** The audit trail: who changed which secret, when, and with what outcome; never the data. */
@NullMarked
package org.registrysecrets.server.audit;

import org.jspecify.annotations.NullMarked;

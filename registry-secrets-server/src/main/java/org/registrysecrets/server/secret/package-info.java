/** Docker registry secrets: the rules, the transactional service and the encrypted JDBC store. */
@NullMarked
package org.registrysecrets.server.secret;

import org.jspecify.annotations.NullMarked;

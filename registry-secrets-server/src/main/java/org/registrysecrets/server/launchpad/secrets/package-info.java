/** The Docker Registry Secrets screen: tiles and the Add, Edit and Remove dialogs. */
@NullMarked
package org.registrysecrets.server.launchpad.secrets;

import org.jspecify.annotations.NullMarked;

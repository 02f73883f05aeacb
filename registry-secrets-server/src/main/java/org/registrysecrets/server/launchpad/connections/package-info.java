/** The Workspaces app: AI API connections (service keys) and the one each user works in. */
@NullMarked
package org.registrysecrets.server.launchpad.connections;

import org.jspecify.annotations.NullMarked;

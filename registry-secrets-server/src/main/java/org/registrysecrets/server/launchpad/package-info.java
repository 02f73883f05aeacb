/**
 * The Launchpad: the browser UI of SAP AI Launchpad's Workspaces and Docker Registry Secrets
 * screens. It is a client of AI APIs through the client library and never reads the secret tables.
 */
@NullMarked
package org.registrysecrets.server.launchpad;

import org.jspecify.annotations.NullMarked;

/** The Launchpad's Webhooks screen: where a tenant's expiry and re-check alerts go. */
@NullMarked
package org.registrysecrets.server.launchpad.webhooks;

import org.jspecify.annotations.NullMarked;

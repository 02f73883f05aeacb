/** The platform API of webhooks: {@code /platform/v1/webhooks}. */
@NullMarked
package org.registrysecrets.server.webhook.web;

import org.jspecify.annotations.NullMarked;

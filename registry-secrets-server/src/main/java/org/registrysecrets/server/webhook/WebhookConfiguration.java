package org.registrysecrets.server.webhook;

import org.registrysecrets.server.crypto.SealedRows;
import org.registrysecrets.server.outbound.NameResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook sender, resolving names with the system resolver. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  @Bean
  WebhookSender webhookSender(WebhookProperties properties) {
    return new WebhookSender(properties, NameResolver.SYSTEM);
  }

  @Bean
  SealedRows sealedWebhookSecrets(WebhookRepository webhooks) {
    return webhooks.sealedRows();
  }
}

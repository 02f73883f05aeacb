package org.registrysecrets.server.webhook;

/** The tenant has no webhook of this id. */
public class WebhookNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  WebhookNotFoundException(String id) {
    super("There is no webhook with the id " + id + ".", null, false, false);
  }
}

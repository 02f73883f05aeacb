package org.registrysecrets.server.instance;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The URL clients reach this instance at: {@code REGSECRETS_PUBLIC_URL}, or {@code
 * http://localhost:<port>} once the server knows its port. Issued tokens carry it as issuer.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

  private final AtomicReference<String> url = new AtomicReference<>();

  public PublicUrl(InstanceProperties properties) {
    String configured = properties.publicUrl();
    if (configured != null && !configured.isBlank()) {
      url.set(normalize(configured));
    }
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      url.compareAndSet(null, "http://localhost:" + event.getWebServer().getPort());
    }
  }

  /** The URL without a trailing slash. */
  public String get() {
    String value = url.get();
    if (value == null) {
      throw new IllegalStateException("The public URL is not known before the server starts");
    }
    return value;
  }

  /** {@code value} without surrounding blanks and trailing slashes. */
  public static String normalize(String value) {
    String result = value.strip();
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}

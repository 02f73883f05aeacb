package org.registrysecrets.server.instance;

import java.util.concurrent.atomic.AtomicReference;
import org.registrysecrets.api.Urls;
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
  private final AtomicReference<String> loopback = new AtomicReference<>();

  public PublicUrl(InstanceProperties properties) {
    String configured = properties.publicUrl();
    if (configured != null && !configured.isBlank()) {
      url.set(normalize(configured));
    }
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      int port = event.getWebServer().getPort();
      url.compareAndSet(null, "http://localhost:" + port);
      loopback.set("http://127.0.0.1:" + port);
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

  /**
   * How this process reaches its own API: over loopback, whatever the public URL is (a proxy's
   * address may not be reachable from inside).
   */
  public String loopback() {
    String value = loopback.get();
    return value != null ? value : get();
  }

  /** {@code value} without surrounding blanks and trailing slashes. */
  public static String normalize(String value) {
    return Urls.withoutTrailingSlashes(value.strip());
  }
}

package org.registrysecrets.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.server.outbound.AddressGuard;
import org.registrysecrets.server.outbound.ForbiddenAddressException;
import org.registrysecrets.server.outbound.GuardedHttpClients;
import org.registrysecrets.server.outbound.NameResolver;

/**
 * Posts one event to one receiver through the guarded client, signed with HMAC-SHA256 of the exact
 * body bytes under the webhook's secret: {@code X-Regsecrets-Signature: sha256=<hex>}. A 2xx answer
 * is a delivery; anything else is a failed attempt, described without the receiver's body.
 */
public class WebhookSender implements AutoCloseable {

  private static final ContentType CLOUDEVENTS =
      ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8);

  private final AddressGuard guard;
  private final NameResolver names;
  private final CloseableHttpClient http;

  WebhookSender(WebhookProperties properties, NameResolver names) {
    this.names = names;
    this.guard = new AddressGuard(properties.allowedHosts(), "regsecrets.webhooks.allowed-hosts");
    this.http =
        GuardedHttpClients.create(
            guard,
            names,
            properties.caFile(),
            properties.connectTimeout(),
            properties.timeout(),
            "registry-secrets-webhook");
  }

  AddressGuard guard() {
    return guard;
  }

  NameResolver names() {
    return names;
  }

  /** The outcome of one attempt. */
  record Attempt(boolean delivered, String outcome) {}

  Attempt send(String url, String body, Plaintext secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpPost post = new HttpPost(url);
    post.setHeader(WebhookEventTypes.SIGNATURE_HEADER, "sha256=" + signature(bytes, secret));
    post.setEntity(new ByteArrayEntity(bytes, CLOUDEVENTS));
    try {
      int port = post.getUri().getPort();
      String host = post.getUri().getHost();
      guard.requirePortAllowed(
          host, port != -1 ? port : post.getUri().getScheme().equals("http") ? 80 : 443);
      return http.execute(
          post,
          response -> {
            if (response.getEntity() != null) {
              try (InputStream in = response.getEntity().getContent()) {
                in.readNBytes(4096);
              }
            }
            int status = response.getCode();
            return new Attempt(status >= 200 && status < 300, "HTTP " + status);
          });
    } catch (ForbiddenAddressException e) {
      return new Attempt(false, "refused to connect: " + e.getMessage());
    } catch (UnknownHostException e) {
      return new Attempt(false, "unknown host");
    } catch (SSLException e) {
      return new Attempt(false, "TLS failed");
    } catch (SocketTimeoutException e) {
      return new Attempt(false, "no answer in time");
    } catch (IOException | java.net.URISyntaxException e) {
      return new Attempt(false, "cannot connect: " + e.getClass().getSimpleName());
    }
  }

  /** The hex HMAC-SHA256 of {@code body} under {@code secret}. */
  static String signature(byte[] body, Plaintext secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.utf8(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}

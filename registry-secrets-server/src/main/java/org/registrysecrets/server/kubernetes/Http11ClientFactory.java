package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.http.HttpClient;

/**
 * The JDK's HTTP client, speaking HTTP/1.1: its HTTP/2 upgrade on plain-http API servers (local
 * clusters, proxies) is refused by some of them. TLS API servers negotiate the same either way.
 */
public class Http11ClientFactory extends JdkHttpClientFactory {

  @Override
  protected void additionalConfig(HttpClient.Builder builder) {
    builder.version(HttpClient.Version.HTTP_1_1);
  }
}

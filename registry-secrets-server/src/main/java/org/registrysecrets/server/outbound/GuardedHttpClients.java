package org.registrysecrets.server.outbound;

import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * HTTP clients for addresses users name, trusting the JVM's authorities and those of an optional
 * PEM file: the guard sits in the resolver, so every connection goes to an address it checked; no
 * redirects (a redirect could lead past the guard), no retries, no cookies, no cached credentials.
 */
public final class GuardedHttpClients {

  private GuardedHttpClients() {}

  public static CloseableHttpClient create(
      AddressGuard guard,
      NameResolver names,
      @Nullable Path caFile,
      Duration connectTimeout,
      Duration readTimeout,
      String userAgent) {
    SSLContext tls = TrustedCertificates.sslContext(caFile);
    Timeout read = Timeout.of(readTimeout);
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(names, guard))
                .setTlsSocketStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic())
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnTotal(32)
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(read).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(userAgent)
        .build();
  }
}

package org.registrysecrets.server.source;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;

/**
 * Google Artifact Registry logins through Google's auth library: the service account's key signs a
 * JWT-bearer grant for an OAuth access token (1 hour), which logs in as {@code oauth2accesstoken}.
 * The token endpoint is the configured one, never the key's {@code token_uri}.
 */
final class GarLogins {

  static final String USERNAME = "oauth2accesstoken";
  private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  private final SourceProperties properties;
  private final HttpTransportFactory transport;

  GarLogins(SourceProperties properties, SSLContext tls) {
    this.properties = properties;
    NetHttpTransport shared =
        new NetHttpTransport.Builder().setSslSocketFactory(tls.getSocketFactory()).build();
    this.transport = () -> shared;
  }

  DerivedLogin login(CredentialSource.Gar source) {
    AccessToken token;
    try {
      ServiceAccountCredentials key =
          ServiceAccountCredentials.fromStream(
              new ByteArrayInputStream(source.serviceAccountKey().utf8()), transport);
      GoogleCredentials scoped =
          key.toBuilder()
              .setTokenServerUri(properties.garTokenUri())
              .setHttpTransportFactory(transport)
              .build()
              .createScoped(List.of(SCOPE));
      token = scoped.refreshAccessToken();
    } catch (IOException e) {
      boolean answered =
          e.getMessage() != null && e.getMessage().contains("Error getting access token");
      throw new SourceExchangeException(
          (answered ? "Google refused the key: " : "Google could not be reached: ")
              + e.getMessage(),
          answered);
    }
    if (token == null || token.getExpirationTime() == null) {
      throw new SourceExchangeException("Google answered without an access token", true);
    }
    Plaintext password = Plaintext.of(token.getTokenValue());
    return new DerivedLogin(
        DockerConfigJson.ofLogins(
            source.registries().stream()
                .map(registry -> new DockerConfigJson.Login(registry, USERNAME, password))
                .toList()),
        token.getExpirationTime().toInstant());
  }
}

package org.registrysecrets.server.source;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.server.outbound.TrustedCertificates;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Derives a registry login from a credential source through the vendor's SDK. Whatever the vendor
 * answers, the message that comes out names no credential of the source: each of them is cut out
 * before the message leaves, and the message is kept short and printable.
 */
public class CredentialExchange implements AutoCloseable {

  private static final int MAX_MESSAGE = 400;

  private final SdkHttpClient awsHttp;
  private final EcrLogins ecr;
  private final GarLogins gar;
  private final AcrLogins acr;
  private final GitHubAppLogins gitHub;

  CredentialExchange(SourceProperties properties, Clock clock) {
    // The CA file is read once; every client of every vendor trusts the same authorities.
    X509TrustManager trust = TrustedCertificates.trustManager(properties.caFile());
    SSLContext tls = TrustedCertificates.sslContext(trust);
    this.awsHttp =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(properties.timeout())
            .socketTimeout(properties.timeout())
            .tlsTrustManagersProvider(() -> new TrustManager[] {trust})
            .build();
    VendorHttp http = new VendorHttp(tls, properties.timeout());
    this.ecr = new EcrLogins(properties, awsHttp);
    this.gar = new GarLogins(properties, tls);
    this.acr = new AcrLogins(properties, tls, http, clock);
    this.gitHub = new GitHubAppLogins(properties, http, clock);
  }

  /**
   * @throws SourceExchangeException if the vendor gave no login; its message holds no credential
   */
  public DerivedLogin derive(CredentialSource source) {
    try {
      if (source instanceof CredentialSource.Ecr ecrSource) {
        return ecr.login(ecrSource);
      }
      if (source instanceof CredentialSource.Gar garSource) {
        return gar.login(garSource);
      }
      if (source instanceof CredentialSource.Acr acrSource) {
        return acr.login(acrSource);
      }
      return gitHub.login((CredentialSource.GitHubApp) source);
    } catch (SourceExchangeException e) {
      throw new SourceExchangeException(scrubbed(source, e.getMessage()), e.refused());
    } catch (RuntimeException e) {
      // An SDK failing in a way it does not document: its type says more than its message.
      throw new SourceExchangeException(
          scrubbed(source, source.label() + " failed: " + e.getClass().getSimpleName()), false);
    }
  }

  /** The message without any credential of the source, printable and at most 400 characters. */
  static String scrubbed(CredentialSource source, String message) {
    String text = message;
    for (String secret : secretsOf(source)) {
      if (secret.length() >= 4) {
        text = text.replace(secret, "****");
      }
    }
    StringBuilder printable = new StringBuilder();
    text.codePoints()
        .limit(MAX_MESSAGE)
        .forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return printable.toString().strip();
  }

  private static List<String> secretsOf(CredentialSource source) {
    List<Plaintext> secrets = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    if (source instanceof CredentialSource.Ecr ecrSource) {
      secrets.add(ecrSource.secretAccessKey());
      texts.add(ecrSource.accessKeyId());
    } else if (source instanceof CredentialSource.Gar garSource) {
      secrets.add(garSource.serviceAccountKey());
    } else if (source instanceof CredentialSource.Acr acrSource) {
      secrets.add(acrSource.clientSecret());
    } else if (source instanceof CredentialSource.GitHubApp app) {
      secrets.add(app.privateKey());
    }
    for (Plaintext secret : secrets) {
      String value = new String(secret.utf8(), StandardCharsets.UTF_8);
      texts.add(value);
      // A multi-line secret (a PEM key, a JSON key) may be quoted one line at a time.
      for (String line : value.split("\\R")) {
        if (line.strip().length() >= 16) {
          texts.add(line.strip());
        }
      }
    }
    return texts;
  }

  @Override
  public void close() {
    awsHttp.close();
  }
}

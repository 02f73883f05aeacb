package org.registrysecrets.server.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/** The JVM's trusted authorities, plus those of a configured PEM file. */
public final class TrustedCertificates {

  private TrustedCertificates() {}

  /** A TLS context that trusts the JVM's authorities and those in {@code caFile}. */
  public static SSLContext sslContext(@Nullable Path caFile) {
    return sslContext(trustManager(caFile));
  }

  /** A TLS context that trusts what {@code trust} trusts. */
  public static SSLContext sslContext(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Trusts what the JVM trusts, and the authorities in {@code caFile}. */
  public static X509TrustManager trustManager(@Nullable Path caFile) {
    try {
      List<X509TrustManager> managers = new ArrayList<>();
      managers.add(trustManager((KeyStore) null));
      if (caFile != null) {
        KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
        extra.load(null, null);
        int index = 0;
        for (Certificate certificate : read(caFile)) {
          extra.setCertificateEntry("extra-" + index++, certificate);
        }
        managers.add(trustManager(extra));
      }
      return new AnyOf(managers);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "Cannot read the trusted authorities of " + caFile + ": " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> read(Path caFile)
      throws IOException, CertificateException {
    try (InputStream in = Files.newInputStream(caFile)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }

  private static X509TrustManager trustManager(@Nullable KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("No X.509 trust manager");
  }

  /** Trusts a server that any of the managers trusts. */
  private static final class AnyOf implements X509TrustManager {

    private final List<X509TrustManager> managers;

    AnyOf(List<X509TrustManager> managers) {
      this.managers = List.copyOf(managers);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      CertificateException last = null;
      for (X509TrustManager manager : managers) {
        try {
          manager.checkServerTrusted(chain, authType);
          return;
        } catch (CertificateException e) {
          last = e;
        }
      }
      throw last != null ? last : new CertificateException("No trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("Client certificates are not checked here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return managers.stream()
          .flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
          .toArray(X509Certificate[]::new);
    }
  }
}

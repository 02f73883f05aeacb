package org.registrysecrets.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, {@code localhost} and {@code allowed.test}, made
 * with openssl for the registries the tests start.
 */
public record TlsMaterial(Path directory, Path certificate, Path key, Path pkcs12) {

  private static final String PASSWORD = "changeit";

  public static TlsMaterial create() {
    try {
      Path directory = Files.createTempDirectory("registry-tls-");
      Path certificate = directory.resolve("cert.pem");
      Path key = directory.resolve("key.pem");
      Path pkcs12 = directory.resolve("server.p12");
      run(
          List.of(
              "openssl",
              "req",
              "-x509",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-days",
              "2",
              "-subj",
              "/CN=127.0.0.1",
              "-addext",
              "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:allowed.test",
              "-keyout",
              key.toString(),
              "-out",
              certificate.toString()));
      run(
          List.of(
              "openssl",
              "pkcs12",
              "-export",
              "-in",
              certificate.toString(),
              "-inkey",
              key.toString(),
              "-out",
              pkcs12.toString(),
              "-passout",
              "pass:" + PASSWORD));
      return new TlsMaterial(directory, certificate, key, pkcs12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client-side TLS context that trusts this certificate. */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(certificate)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry(
          "registry", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server-side TLS context with this certificate. */
  public SSLContext serverContext() {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void run(List<String> command) throws IOException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            String.join(" ", command.subList(0, 2)) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

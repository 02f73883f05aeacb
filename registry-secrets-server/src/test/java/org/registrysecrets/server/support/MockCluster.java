package org.registrysecrets.server.support;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.function.Supplier;
import org.registrysecrets.server.kubernetes.Http11ClientFactory;

/**
 * fabric8's mock Kubernetes API server in CRUD mode on a fixed loopback port (so that it can be
 * stopped and started again under a running sync), and what the sync tests ask of it.
 */
public final class MockCluster {

  private MockCluster() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KubernetesMockServer start(int port, KubernetesCrudDispatcher dispatcher) {
    KubernetesMockServer cluster =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    cluster.init(InetAddress.getLoopbackAddress(), port);
    return cluster;
  }

  /** A client of the cluster over HTTP/1.1, as the sync itself talks to it. */
  public static KubernetesClient client(KubernetesMockServer cluster) {
    return cluster.createClient(new Http11ClientFactory());
  }

  /** The Docker config a {@code kubernetes.io/dockerconfigjson} Secret holds. */
  public static String decoded(Secret secret) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(".dockerconfigjson")),
        StandardCharsets.UTF_8);
  }

  /** The first non-null answer of {@code probe} within 15 s; exceptions count as "not yet". */
  public static <T> T eventually(Supplier<T> probe) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      try {
        T value = probe.get();
        if (value != null) {
          return value;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Condition not met within 15 s");
  }
}

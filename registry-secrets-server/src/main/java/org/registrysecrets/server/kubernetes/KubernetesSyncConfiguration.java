package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.registrysecrets.server.secret.DockerRegistrySecretService;
import org.registrysecrets.server.storage.Lease;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Kubernetes sync, when {@code regsecrets.kubernetes.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "regsecrets.kubernetes.enabled", havingValue = "true")
class KubernetesSyncConfiguration {

  static final String USER_AGENT = "registry-secrets-sync";

  /** The lease (a row of {@code sync_lock}) that makes one replica the sync leader. */
  static final String SYNC_LEASE = "kubernetes-sync";

  @Bean(destroyMethod = "close")
  KubernetesClient kubernetesClient(KubernetesSyncProperties properties) {
    Config base;
    Path kubeconfig = properties.kubeconfig();
    if (kubeconfig != null) {
      try {
        base = Config.fromKubeconfig(Files.readString(kubeconfig));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + kubeconfig, e);
      }
    } else {
      base = Config.autoConfigure(null);
    }
    ConfigBuilder config =
        new ConfigBuilder(base)
            // The cluster's audit log names who wrote a Secret.
            .withUserAgent(USER_AGENT)
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(3000)
            .withRequestTimeout(10000);
    String masterUrl = properties.masterUrl();
    if (masterUrl != null && !masterUrl.isBlank()) {
      config.withMasterUrl(masterUrl);
    }
    return new KubernetesClientBuilder()
        .withConfig(config.build())
        .withHttpClientFactory(new Http11ClientFactory())
        .build();
  }

  @Bean
  SyncOutbox syncOutbox(JdbcClient jdbc) {
    return new SyncOutbox(jdbc);
  }

  @Bean
  SyncStates syncStates(JdbcClient jdbc) {
    return new SyncStates(jdbc);
  }

  @Bean
  KubernetesSecretSync kubernetesSecretSync(SyncOutbox outbox, SyncStates states, Clock clock) {
    return new KubernetesSecretSync(outbox, states, clock);
  }

  @Bean
  SecretReconciler secretReconciler(
      KubernetesClient cluster,
      DockerRegistrySecretService secrets,
      SyncStates states,
      KubernetesSyncProperties properties,
      Clock clock) {
    return new SecretReconciler(
        cluster,
        secrets,
        states,
        new PullSecretLinker(cluster, properties.serviceAccounts()),
        properties,
        clock);
  }

  @Bean
  SyncDeliveryScheduler syncDeliveryScheduler(
      SyncOutbox outbox,
      SyncStates states,
      JdbcClient jdbc,
      SecretReconciler reconciler,
      KubernetesSyncProperties properties,
      Clock clock) {
    return new SyncDeliveryScheduler(
        outbox, states, new Lease(jdbc, SYNC_LEASE), reconciler, properties, clock);
  }
}

package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The configured ServiceAccounts' image pull secrets, and who in a namespace pulls with a secret.
 */
class PullSecretLinker {

  private final KubernetesClient cluster;
  private final List<String> serviceAccounts;

  PullSecretLinker(KubernetesClient cluster, List<String> serviceAccounts) {
    this.cluster = cluster;
    this.serviceAccounts = List.copyOf(serviceAccounts);
  }

  /** Adds the secret to each configured ServiceAccount that does not have it yet. */
  void link(String namespace, String name) {
    for (String account : serviceAccounts) {
      ServiceAccount serviceAccount =
          cluster.serviceAccounts().inNamespace(namespace).withName(account).get();
      if (serviceAccount != null
          && !pullSecrets(serviceAccount.getImagePullSecrets()).contains(name)) {
        cluster
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .edit(sa -> new ServiceAccountBuilder(sa).addNewImagePullSecret(name).build());
      }
    }
  }

  void unlink(String namespace, String name) {
    for (String account : serviceAccounts) {
      ServiceAccount serviceAccount =
          cluster.serviceAccounts().inNamespace(namespace).withName(account).get();
      if (serviceAccount != null
          && pullSecrets(serviceAccount.getImagePullSecrets()).contains(name)) {
        cluster
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .edit(
                sa ->
                    new ServiceAccountBuilder(sa)
                        .withImagePullSecrets(
                            sa.getImagePullSecrets().stream()
                                .filter(ref -> !name.equals(ref.getName()))
                                .toList())
                        .build());
      }
    }
  }

  /**
   * Who in a namespace pulls with a secret, and what.
   *
   * @param usedBy ServiceAccounts and Pods ({@code kind/name})
   * @param images the images of those Pods' containers and init containers, sorted, once each
   */
  record Usage(List<String> usedBy, List<String> images) {}

  /** The ServiceAccounts and Pods of the namespace that pull with the secret, and their images. */
  Usage usage(String namespace, String name) {
    List<String> users = new ArrayList<>();
    Set<String> images = new TreeSet<>();
    for (ServiceAccount account :
        cluster.serviceAccounts().inNamespace(namespace).list().getItems()) {
      if (pullSecrets(account.getImagePullSecrets()).contains(name)) {
        users.add("serviceaccount/" + account.getMetadata().getName());
      }
    }
    for (Pod pod : cluster.pods().inNamespace(namespace).list().getItems()) {
      if (pod.getSpec() != null
          && pullSecrets(pod.getSpec().getImagePullSecrets()).contains(name)) {
        users.add("pod/" + pod.getMetadata().getName());
        images.addAll(images(pod.getSpec().getInitContainers()));
        images.addAll(images(pod.getSpec().getContainers()));
      }
    }
    return new Usage(users, List.copyOf(images));
  }

  private static List<String> images(@Nullable List<Container> containers) {
    return containers == null
        ? List.of()
        : containers.stream().map(Container::getImage).filter(Objects::nonNull).toList();
  }

  private static Set<String> pullSecrets(@Nullable List<LocalObjectReference> references) {
    Set<String> names = new HashSet<>();
    if (references != null) {
      references.forEach(reference -> names.add(reference.getName()));
    }
    return names;
  }
}

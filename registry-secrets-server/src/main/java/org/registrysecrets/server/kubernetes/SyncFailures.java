package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.server.storage.SqlValues;

/** What a failed sync means for the secret's state, and how to say it without its content. */
final class SyncFailures {

  private SyncFailures() {}

  /** A cluster that is away leaves a change pending; a cluster that refuses it marks it failed. */
  static String stateAfter(RuntimeException e) {
    if (e instanceof SyncRefusedException) {
      return DockerRegistrySecretSync.FAILED;
    }
    if (e instanceof KubernetesClientException k8s
        && k8s.getCode() >= 400
        && k8s.getCode() < 500
        && k8s.getCode() != 409
        && k8s.getCode() != 429) {
      return DockerRegistrySecretSync.FAILED;
    }
    return DockerRegistrySecretSync.PENDING;
  }

  /**
   * A message for people, from the API server's status; never the request, which holds credentials.
   */
  static String describe(RuntimeException e) {
    if (e instanceof SyncRefusedException) {
      return String.valueOf(e.getMessage());
    }
    if (e instanceof KubernetesClientException k8s) {
      if (k8s.getStatus() != null && k8s.getStatus().getMessage() != null) {
        // Validation and admission messages may quote the submitted value ("Invalid value: ..."),
        // which for a Secret is the credential: every quoted part is blanked.
        String message = k8s.getStatus().getMessage().replaceAll("\"[^\"]*\"", "\"…\"");
        return SqlValues.fit("Kubernetes answered " + k8s.getCode() + ": " + message, 1000);
      }
      return k8s.getCode() > 0
          ? "Kubernetes answered " + k8s.getCode()
          : "The Kubernetes API cannot be reached";
    }
    return "The sync failed: " + e.getClass().getSimpleName();
  }

  /** Something the sync will not do, such as overwriting a Secret it does not manage. */
  static final class SyncRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyncRefusedException(String message) {
      super(message);
    }
  }
}

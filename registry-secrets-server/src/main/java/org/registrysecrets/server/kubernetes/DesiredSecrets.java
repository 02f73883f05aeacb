package org.registrysecrets.server.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.server.crypto.Sha256;

/** What a secret looks like in the cluster, and whether a Secret there already looks like it. */
final class DesiredSecrets {

  static final String TYPE = "kubernetes.io/dockerconfigjson";
  static final String KEY = ".dockerconfigjson";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String MANAGER = "registry-secrets";
  static final String TENANT = "registry-secrets.io/tenant";
  static final String VERSION = "registry-secrets.io/version";
  static final String CONTENT_HASH = "registry-secrets.io/content-sha256";

  private DesiredSecrets() {}

  static Secret of(
      String namespace, String tenant, String name, long version, DockerConfigJson config) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels(MANAGED_BY, MANAGER)
        .addToLabels(TENANT, labelValue(tenant))
        .addToAnnotations(VERSION, Long.toString(version))
        .addToAnnotations(CONTENT_HASH, Sha256.hex(config.utf8()))
        .endMetadata()
        .withType(TYPE)
        .addToData(KEY, Base64.getEncoder().encodeToString(config.utf8()))
        .build();
  }

  /** Whether Kubernetes holds exactly what we would write: no write is needed then. */
  static boolean same(Secret actual, Secret desired) {
    Map<String, String> labels = actual.getMetadata().getLabels();
    Map<String, String> annotations = actual.getMetadata().getAnnotations();
    return Objects.equals(actual.getType(), desired.getType())
        && Objects.equals(actual.getData(), desired.getData())
        && labels != null
        && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && annotations != null
        && annotations.entrySet().containsAll(desired.getMetadata().getAnnotations().entrySet());
  }

  static boolean managed(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    return labels != null && MANAGER.equals(labels.get(MANAGED_BY));
  }

  /** A label value made from a tenant id: at most 63 letters, digits, '-', '_' or '.'. */
  static String labelValue(String tenant) {
    String value = tenant.length() > 63 ? tenant.substring(0, 63) : tenant;
    return value.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
  }
}

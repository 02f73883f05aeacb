package org.registrysecrets.server.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** The last sync error is shown in the API's metadata and logged, so it must not quote data. */
class SyncErrorMessageTests {

  @Test
  void blanksEveryQuotedValueOfTheApiServersMessage() {
    KubernetesClientException refused =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(422)
                .withMessage(
                    "Secret \"pull\" is invalid: data[.dockerconfigjson]: Invalid value:"
                        + " \"eyJhdXRocyI6c2VjcmV0LXZhbHVlfQ==\": admission webhook said no")
                .build());

    String message = SyncFailures.describe(refused);

    assertThat(message)
        .startsWith("Kubernetes answered 422: Secret \"…\" is invalid")
        .contains("admission webhook said no")
        .doesNotContain("eyJhdXRocyI6c2VjcmV0LXZhbHVlfQ==");
  }

  @Test
  void saysWhenTheClusterCannotBeReached() {
    assertThat(SyncFailures.describe(new KubernetesClientException("connection refused")))
        .isEqualTo("The Kubernetes API cannot be reached");
  }
}

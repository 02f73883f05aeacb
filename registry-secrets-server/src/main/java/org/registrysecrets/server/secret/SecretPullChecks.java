package org.registrysecrets.server.secret;

import java.util.List;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.image.ImageReference;
import org.registrysecrets.api.wire.PullCheckResult;
import org.registrysecrets.server.registry.PullChecker;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.stereotype.Service;

/**
 * "Will this pull work?": checks image references against a stored secret without pulling. It
 * changes nothing, so it needs only the read scope and leaves no audit event; the stored config is
 * read in a short read-only transaction and the registries are asked after it ended.
 */
@Service
public class SecretPullChecks {

  private final DockerRegistrySecretChanges changes;
  private final PullChecker pullChecker;

  SecretPullChecks(DockerRegistrySecretChanges changes, PullChecker pullChecker) {
    this.changes = changes;
    this.pullChecker = pullChecker;
  }

  /**
   * One result per reference, in order.
   *
   * @throws InvalidInputException for no references, more than {@link PullChecker#MAX_IMAGES}, or
   *     one that is not an image reference
   * @throws SecretNotFoundException if the tenant has no such secret
   */
  public List<PullCheckResult> check(TenantId tenant, SecretName name, List<String> references) {
    if (references.isEmpty() || references.size() > PullChecker.MAX_IMAGES) {
      throw new InvalidInputException(
          "Give \"images\": 1 to " + PullChecker.MAX_IMAGES + " image references.");
    }
    List<ImageReference> images = references.stream().map(ImageReference::parse).toList();
    DockerConfigJson config = changes.config(tenant, name);
    return pullChecker.check(config, references, images);
  }
}

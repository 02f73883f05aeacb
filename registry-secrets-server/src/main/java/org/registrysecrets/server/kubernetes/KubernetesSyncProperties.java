package org.registrysecrets.server.kubernetes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kubernetes sync, off by default.
 *
 * @param masterUrl the API server; with neither this nor {@code kubeconfig}, the in-cluster service
 *     account (or {@code ~/.kube/config}) is used
 * @param kubeconfig a kubeconfig file
 * @param namespaceTemplate the namespace of a tenant, {@code {tenant}} replaced
 * @param namespaces explicit tenant → namespace entries, before the template
 * @param serviceAccounts ServiceAccounts in each namespace that get every secret as an image pull
 *     secret
 * @param deliveryInterval how often pending changes are delivered
 * @param reconcileInterval how often everything is compared and repaired
 * @param leaseDuration how long a replica stays leader without renewing
 * @param maxBackoff the longest wait between delivery attempts of one change
 */
@ConfigurationProperties("regsecrets.kubernetes")
public record KubernetesSyncProperties(
    @DefaultValue("false") boolean enabled,
    @Nullable String masterUrl,
    @Nullable Path kubeconfig,
    @DefaultValue("aicore-{tenant}") String namespaceTemplate,
    @DefaultValue Map<String, String> namespaces,
    @DefaultValue List<String> serviceAccounts,
    @DefaultValue("2s") Duration deliveryInterval,
    @DefaultValue("5m") Duration reconcileInterval,
    @DefaultValue("15s") Duration leaseDuration,
    @DefaultValue("1m") Duration maxBackoff) {

  /** The namespace of {@code tenant}: a DNS label made from the template or the map. */
  String namespaceOf(String tenant) {
    String explicit = namespaces.get(tenant);
    if (explicit != null) {
      return explicit;
    }
    String name = namespaceTemplate.replace("{tenant}", tenant).toLowerCase(Locale.ROOT);
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < name.length() && label.length() < 63; i++) {
      char c = name.charAt(i);
      label.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
    }
    return label.toString().replaceAll("^-+|-+$", "");
  }
}

package org.registrysecrets.server.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.TestData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile and the Kustomize manifests under {@code deploy/} parse, and agree with what the
 * server actually does: its port, the probe paths it answers, the environment variables it reads,
 * the files its data folder needs, and the paths it writes to on a read-only root filesystem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentManifestsTests {

  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final Path DATA_DIR = TestData.newDataDir("deploy");
  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  @LocalServerPort int port;

  @Value("${regsecrets.data-dir}")
  String dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
  }

  @Test
  void everyFileTheKustomizationsNameParsesAsWhatItSays() throws IOException {
    List<HasMetadata> base = resources(DEPLOY.resolve("base"));
    assertThat(base)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy");
    assertThat(resources(DEPLOY.resolve("overlays/kubernetes-sync")))
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder("Role", "RoleBinding");
    assertThat(one(base, Deployment.class).getSpec().getReplicas()).isEqualTo(2);
    assertThat(one(base, PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal())
        .isEqualTo(1);
  }

  @Test
  void theServiceThePolicyAndTheImageUseThePortTheServerListensOn() throws IOException {
    List<HasMetadata> base = resources(DEPLOY.resolve("base"));
    Container server = server(base);
    ContainerPort http = server.getPorts().get(0);
    int defaultPort = defaultServerPort();

    assertThat(http.getContainerPort()).isEqualTo(defaultPort);
    assertThat(one(base, Service.class).getSpec().getPorts().get(0).getTargetPort().getStrVal())
        .isEqualTo(http.getName());
    assertThat(
            one(base, NetworkPolicy.class)
                .getSpec()
                .getIngress()
                .get(0)
                .getPorts()
                .get(0)
                .getPort()
                .getIntVal())
        .isEqualTo(defaultPort);
    assertThat(dockerfile()).contains("EXPOSE " + defaultPort);
  }

  @Test
  void theProbesAskPathsTheServerAnswersWhenReady() throws Exception {
    Container server = server(resources(DEPLOY.resolve("base")));
    HttpClient http = HttpClient.newHttpClient();
    for (Probe probe :
        List.of(server.getStartupProbe(), server.getReadinessProbe(), server.getLivenessProbe())) {
      String path = probe.getHttpGet().getPath();
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).contains("\"UP\"");
    }
    assertThat(server.getLivenessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(server.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
  }

  /** A misspelt variable would be ignored silently: each must be one the server reads. */
  @Test
  void everyEnvironmentVariableIsOneTheServerReads() throws IOException {
    Set<String> read = variablesTheServerReads();
    List<EnvVar> variables = new ArrayList<>(server(resources(DEPLOY.resolve("base"))).getEnv());
    Deployment syncPatch =
        KUBERNETES.unmarshal(
            Files.readString(DEPLOY.resolve("overlays/kubernetes-sync/sync.yaml")),
            Deployment.class);
    variables.addAll(syncPatch.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());

    assertThat(variables).extracting(EnvVar::getName).isNotEmpty().allMatch(read::contains);
    assertThat(dockerfile()).contains("REGSECRETS_DATA_DIR=/var/lib/registry-secrets");
  }

  /**
   * The init container copies exactly the key files a first start writes, into the data folder the
   * server uses; what the server writes lies on volumes, since the root filesystem is read-only.
   */
  @Test
  void theKeysReachTheDataFolderAndEveryWritablePathIsAVolume() throws IOException {
    List<HasMetadata> base = resources(DEPLOY.resolve("base"));
    Deployment deployment = one(base, Deployment.class);
    Container init = deployment.getSpec().getTemplate().getSpec().getInitContainers().get(0);
    Container server = server(base);
    String script = String.join(" ", init.getCommand());

    Set<String> keyFiles = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of(dataDir))) {
      files
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.startsWith("registry-secrets.") && !name.startsWith("."))
          .forEach(keyFiles::add);
    }
    assertThat(keyFiles).isNotEmpty();
    Set<String> copied = new TreeSet<>();
    Matcher file = Pattern.compile("/keys/(\\S+)").matcher(script);
    while (file.find()) {
      copied.add(file.group(1));
    }
    assertThat(copied).isEqualTo(keyFiles);

    String dataDirInPod =
        server.getEnv().stream()
            .filter(variable -> variable.getName().equals("REGSECRETS_DATA_DIR"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(script).contains(dataDirInPod);
    assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
        .isTrue();
    assertThat(server.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .contains(dataDirInPod, System.getProperty("java.io.tmpdir").replaceAll("/$", ""));
    assertThat(dockerfile()).containsPattern("(?m)^USER 10001");
  }

  private static Set<String> variablesTheServerReads() throws IOException {
    Set<String> read = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
    Path resources = Path.of("src", "main", "resources");
    try (Stream<Path> files = Files.list(resources)) {
      for (Path properties :
          files.filter(path -> path.getFileName().toString().endsWith(".properties")).toList()) {
        Matcher placeholder =
            Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(properties));
        while (placeholder.find()) {
          read.add(placeholder.group(1));
        }
      }
    }
    // Spring Boot's relaxed binding of the server's own properties, as its metadata lists them
    String metadata =
        Files.readString(
            Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json"));
    Matcher property =
        Pattern.compile("\"name\"\\s*:\\s*\"(regsecrets\\.[^\"]+)\"").matcher(metadata);
    while (property.find()) {
      // public-url: REGSECRETS_PUBLICURL, and REGSECRETS_PUBLIC_URL by the legacy form
      String name = property.group(1).replace('.', '_').toUpperCase(Locale.ROOT);
      read.add(name.replace("-", ""));
      read.add(name.replace('-', '_'));
    }
    return read;
  }

  private static int defaultServerPort() throws IOException {
    Matcher port =
        Pattern.compile("(?m)^server\\.port=\\$\\{SERVER_PORT:(\\d+)}")
            .matcher(
                Files.readString(Path.of("src", "main", "resources", "application.properties")));
    assertThat(port.find()).isTrue();
    return Integer.parseInt(port.group(1));
  }

  private static String dockerfile() throws IOException {
    return Files.readString(Path.of("..", "Dockerfile"));
  }

  /** The resources a kustomization.yaml names, each file possibly several documents. */
  private static List<HasMetadata> resources(Path kustomization) throws IOException {
    Map<String, Object> file =
        new Yaml().load(Files.readString(kustomization.resolve("kustomization.yaml")));
    List<HasMetadata> resources = new ArrayList<>();
    for (Object name : (List<?>) file.get("resources")) {
      Path resource = kustomization.resolve(name.toString());
      if (Files.isDirectory(resource)) {
        continue; // another kustomization, checked on its own
      }
      for (String document : Files.readString(resource).split("(?m)^---$")) {
        resources.add(KUBERNETES.unmarshal(document));
      }
    }
    return resources;
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> kind) {
    return resources.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
  }

  private static Container server(List<HasMetadata> resources) {
    return one(resources, Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }
}

package org.registrysecrets.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.image.ImageReference;
import org.registrysecrets.api.wire.PullCheckResult;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.registrysecrets.server.outbound.AddressGuard;
import org.registrysecrets.server.outbound.NameResolver;
import org.registrysecrets.server.support.DockerRegistryProcess;
import org.registrysecrets.server.support.FakeRegistryServer;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.support.TlsMaterial;
import org.springframework.util.unit.DataSize;

/**
 * The login flow against Debian's docker-registry (htpasswd, TLS) and small servers for the Bearer
 * flow and the odd cases; and the guard, with a name resolver of the test's own, so that no packet
 * leaves loopback.
 */
class RegistryCredentialCheckerTests {

  private static TlsMaterial tls;
  private static DockerRegistryProcess registry;
  private static FakeRegistryServer bearer;
  private static FakeRegistryServer anonymous;
  private static FakeRegistryServer website;
  private static String trainerDigest;

  @BeforeAll
  static void startRegistries() {
    tls = TlsMaterial.create();
    registry = DockerRegistryProcess.start(tls);
    trainerDigest = registry.pushImage(tls, "team/trainer", "1.4");
    bearer = FakeRegistryServer.start(tls, FakeRegistryServer.Kind.BEARER);
    anonymous = FakeRegistryServer.start(tls, FakeRegistryServer.Kind.ANONYMOUS);
    website = FakeRegistryServer.start(tls, FakeRegistryServer.Kind.NOT_A_REGISTRY);
  }

  @AfterAll
  static void stopRegistries() throws Exception {
    registry.close();
    bearer.close();
    anonymous.close();
    website.close();
  }

  @Test
  void acceptsTheRightCredentials() {
    RegistryCheckResult result =
        single(
            checker(), registry.host(), DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD);

    assertThat(result.status()).isEqualTo(RegistryCheckResult.VALID);
    assertThat(result.registry()).isEqualTo(registry.host());
  }

  @Test
  void refusesAWrongPasswordOrUser() {
    RegistryCheckResult wrongPassword =
        single(checker(), registry.host(), DockerRegistryProcess.USER, "not-it");
    RegistryCheckResult wrongUser =
        single(checker(), registry.host(), "somebody", DockerRegistryProcess.PASSWORD);

    assertThat(wrongPassword.status()).isEqualTo(RegistryCheckResult.INVALID_CREDENTIALS);
    assertThat(wrongUser.status()).isEqualTo(RegistryCheckResult.INVALID_CREDENTIALS);
    assertThat(wrongPassword.reason()).doesNotContain("not-it");
  }

  @Test
  void followsTheBearerTokenFlow() {
    assertThat(
            single(checker(), bearer.host(), FakeRegistryServer.USER, FakeRegistryServer.PASSWORD)
                .status())
        .isEqualTo(RegistryCheckResult.VALID);
    assertThat(single(checker(), bearer.host(), FakeRegistryServer.USER, "wrong").status())
        .isEqualTo(RegistryCheckResult.INVALID_CREDENTIALS);
  }

  @Test
  void recognisesRegistriesWithoutCredentialsAndServersThatAreNoRegistry() {
    assertThat(single(checker(), anonymous.host(), "u", "p").status())
        .isEqualTo(RegistryCheckResult.ANONYMOUS);
    assertThat(single(checker(), website.host(), "u", "p").status())
        .isEqualTo(RegistryCheckResult.NOT_A_REGISTRY);
  }

  @Test
  void reportsAnUnreachablePortAndRefusesPlainHttp() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    RegistryCheckResult unreachable = single(checker(), "127.0.0.1:" + closed, "u", "p");
    RegistryCheckResult plainHttp = single(checker(), "http://" + registry.host(), "u", "p");

    assertThat(unreachable.status()).isEqualTo(RegistryCheckResult.UNREACHABLE);
    assertThat(plainHttp.status()).isEqualTo(RegistryCheckResult.TLS_ERROR);
    assertThat(plainHttp.reason())
        .contains("plain http is not allowed")
        .contains("insecure-registries");
  }

  @Test
  void reportsAnUntrustedCertificateAsATlsError() {
    VerifyProperties withoutCa = properties(List.of("127.0.0.1"), null, Duration.ofSeconds(10));

    RegistryCheckResult result =
        single(
            new RegistryCredentialChecker(withoutCa, loopbackOnly(Map.of())),
            registry.host(),
            "u",
            "p");

    assertThat(result.status()).isEqualTo(RegistryCheckResult.TLS_ERROR);
  }

  @Test
  void givesUpOnASilentServerWithinTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      RegistryCredentialChecker checker =
          new RegistryCredentialChecker(
              properties(List.of("127.0.0.1"), tls, Duration.ofSeconds(2)), loopbackOnly(Map.of()));
      Instant started = Instant.now();

      RegistryCheckResult result = single(checker, "127.0.0.1:" + silent.getLocalPort(), "u", "p");

      assertThat(result.status()).isEqualTo(RegistryCheckResult.UNREACHABLE);
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void checksSeveralRegistriesInOrder() {
    DockerConfigJson config =
        config(
            Map.of(
                registry.host(),
                    List.of(DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD),
                bearer.host(), List.of(FakeRegistryServer.USER, "wrong"),
                anonymous.host(), List.of("u", "p")));

    List<RegistryCheckResult> results = checker().check(config);

    assertThat(results).hasSize(3);
    assertThat(results)
        .extracting(RegistryCheckResult::registry)
        .containsExactlyInAnyOrder(registry.host(), bearer.host(), anonymous.host());
  }

  @Test
  void refusesEveryForbiddenAddressClassBeforeConnecting() {
    Map<String, String> names =
        Map.of(
            "metadata.test", "169.254.169.254",
            "private-a.test", "10.1.2.3",
            "private-b.test", "172.16.0.9",
            "private-c.test", "192.168.1.1",
            "loopback.test", "127.0.0.1",
            "v6-loopback.test", "::1",
            "unique-local.test", "fd00::1",
            "link-local-v6.test", "fe80::1",
            "mapped.test", "::ffff:127.0.0.1",
            "shared.test", "100.64.0.1");
    List<String> resolved = new ArrayList<>();
    RegistryCredentialChecker checker =
        new RegistryCredentialChecker(
            properties(List.of(), tls, Duration.ofSeconds(5)),
            host -> {
              resolved.add(host);
              return loopbackOnly(names).resolve(host);
            });

    for (String name : names.keySet()) {
      RegistryCheckResult result = single(checker, name + ":443", "u", "p");
      assertThat(result.status()).as(name).isEqualTo(RegistryCheckResult.UNREACHABLE);
      assertThat(result.reason()).as(name).contains("not allowed").contains("allowed-hosts");
    }
    assertThat(resolved).containsAll(names.keySet());
    assertThat(single(checker, registry.host(), "u", "p").reason()).contains("loopback");
  }

  @Test
  void opensAForbiddenAddressOnlyThroughTheAllowList() {
    Map<String, String> names = Map.of("allowed.test", "127.0.0.1");
    RegistryCredentialChecker open =
        new RegistryCredentialChecker(
            properties(List.of("allowed.test:" + registry.port()), tls, Duration.ofSeconds(10)),
            loopbackOnly(names));
    RegistryCredentialChecker closed =
        new RegistryCredentialChecker(
            properties(List.of(), tls, Duration.ofSeconds(10)), loopbackOnly(names));
    RegistryCredentialChecker otherPort =
        new RegistryCredentialChecker(
            properties(List.of("allowed.test:1"), tls, Duration.ofSeconds(10)),
            loopbackOnly(names));

    String key = "allowed.test:" + registry.port();
    assertThat(
            single(open, key, DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD).status())
        .isEqualTo(RegistryCheckResult.VALID);
    assertThat(
            single(closed, key, DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD)
                .status())
        .isEqualTo(RegistryCheckResult.UNREACHABLE);
    assertThat(
            single(otherPort, key, DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD)
                .status())
        .isEqualTo(RegistryCheckResult.UNREACHABLE);
  }

  @Test
  void classifiesEverySpecialPurposeAddressClass() throws UnknownHostException {
    for (String forbidden :
        List.of(
            "127.0.0.1",
            "127.255.255.254",
            "10.0.0.1",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "0.1.2.3",
            "100.100.0.1",
            "192.0.0.8",
            "192.0.2.10",
            "192.88.99.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "::7f00:1", // IPv4-compatible ::127.0.0.1
            "::a9fe:a9fe", // IPv4-compatible ::169.254.169.254
            "::808:808", // IPv4-compatible, even of a public address: deprecated
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
            "64:ff9b::7f00:1",
            "64:ff9b:1::1", // local-use NAT64
            "2002:7f00:1::1", // 6to4 of 127.0.0.1
            "2002:a9fe:a9fe::", // 6to4 of 169.254.169.254
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
            "2001:db8::1",
            "3fff::1",
            "100::1",
            "5f00::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1")) {
      assertThat(AddressGuard.problemWith(InetAddress.getByName(forbidden)))
          .as(forbidden)
          .isNotNull();
    }
    for (String allowed :
        List.of(
            "8.8.8.8",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "198.20.0.1",
            "2001:4860:4860::8888",
            "2a00:1450:4001:80b::200e",
            "64:ff9b::808:808", // NAT64 of a public address
            "2002:808:808::1")) { // 6to4 of a public address
      assertThat(AddressGuard.problemWith(InetAddress.getByName(allowed))).as(allowed).isNull();
    }
    assertThat(AddressGuard.problemWith(InetAddress.getByName("64:ff9b::a9fe:a9fe")))
        .contains("link-local")
        .contains("carried in an IPv6 address");
  }

  @Test
  void refusesNamesThatResolveToTheNewClassesBeforeConnecting() {
    Map<String, String> names =
        Map.of(
            "nat64-metadata.test", "64:ff9b::a9fe:a9fe",
            "sixtofour.test", "2002:7f00:1::1",
            "compatible.test", "::7f00:1",
            "documentation.test", "192.0.2.1",
            "benchmark.test", "198.18.0.1",
            "broadcast.test", "255.255.255.255");
    RegistryCredentialChecker checker =
        new RegistryCredentialChecker(
            properties(List.of(), tls, Duration.ofSeconds(5)), loopbackOnly(names));

    for (String name : names.keySet()) {
      RegistryCheckResult result = single(checker, name + ":443", "u", "p");
      assertThat(result.status()).as(name).isEqualTo(RegistryCheckResult.UNREACHABLE);
      assertThat(result.reason()).as(name).contains("not allowed");
    }
  }

  @Test
  void refusesHostFormsThatResolversReadDifferently() {
    List<String> resolved = new ArrayList<>();
    RegistryCredentialChecker checker =
        new RegistryCredentialChecker(
            properties(List.of(), tls, Duration.ofSeconds(5)),
            host -> {
              resolved.add(host);
              throw new UnknownHostException(host);
            });

    for (String host : List.of("127.1", "127.0.0.1.", "0x7f.0.0.1", "2130706433", "0177.0.0.1")) {
      RegistryCheckResult result = single(checker, host, "u", "p");
      assertThat(result.status()).as(host).isEqualTo(RegistryCheckResult.UNREACHABLE);
      assertThat(result.reason()).as(host).contains("is not a host name this server connects to");
    }
    assertThat(resolved).isEmpty();
  }

  @Test
  void pullCheckFindsThePushedManifestWithItsDigest() {
    String image = registry.host() + "/team/trainer:1.4";

    PullCheckResult result = pull(registryConfig(DockerRegistryProcess.PASSWORD), image);

    assertThat(result.status()).as(result.reason()).isEqualTo(PullCheckResult.PULLABLE);
    assertThat(result.digest()).isEqualTo(trainerDigest);
    assertThat(result.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(result.registry()).isEqualTo(registry.host());
    PullCheckResult pinned =
        pull(registryConfig(DockerRegistryProcess.PASSWORD), image + "@" + trainerDigest);
    assertThat(pinned.status()).isEqualTo(PullCheckResult.PULLABLE);
  }

  @Test
  void pullCheckTellsAMissingTagAWrongPasswordAndAMissingEntryApart() {
    DockerConfigJson right = registryConfig(DockerRegistryProcess.PASSWORD);

    assertThat(pull(right, registry.host() + "/team/trainer:9.9").status())
        .isEqualTo(PullCheckResult.NOT_FOUND);
    assertThat(pull(right, registry.host() + "/team/nothing-here:1").status())
        .isEqualTo(PullCheckResult.NOT_FOUND);
    PullCheckResult wrong =
        pull(registryConfig("Wrong-Password-3"), registry.host() + "/team/trainer:1.4");
    assertThat(wrong.status()).isEqualTo(PullCheckResult.DENIED);
    assertThat(wrong.toString()).doesNotContain("Wrong-Password-3");
    PullCheckResult elsewhere = pull(right, "ghcr.io/org/trainer:1.4");
    assertThat(elsewhere.status()).isEqualTo(PullCheckResult.NO_CREDENTIALS);
    assertThat(elsewhere.reason()).contains("ghcr.io");
  }

  @Test
  void pullCheckUsesTheMostSpecificKeyAsTheKubeletDoes() {
    DockerConfigJson config =
        config(
            Map.of(
                registry.host(),
                List.of(DockerRegistryProcess.USER, "Wrong-Password-4"),
                registry.host() + "/team",
                List.of(DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD)));

    PullCheckResult result = pull(config, registry.host() + "/team/trainer:1.4");

    assertThat(result.status()).as(result.reason()).isEqualTo(PullCheckResult.PULLABLE);
    assertThat(result.registry()).isEqualTo(registry.host() + "/team");
  }

  @Test
  void aBearerTokenForOneRepositoryPullsOnlyThatOneAlthoughTheLoginWorks() {
    DockerConfigJson config =
        config(
            Map.of(bearer.host(), List.of(FakeRegistryServer.USER, FakeRegistryServer.PASSWORD)));

    PullCheckResult allowed =
        pull(
            config,
            bearer.host()
                + "/"
                + FakeRegistryServer.ALLOWED_REPOSITORY
                + ":"
                + FakeRegistryServer.ALLOWED_TAG);
    PullCheckResult other = pull(config, bearer.host() + "/team/other:1.0");

    assertThat(checker().check(config).get(0).status()).isEqualTo(RegistryCheckResult.VALID);
    assertThat(allowed.status()).as(allowed.reason()).isEqualTo(PullCheckResult.PULLABLE);
    assertThat(allowed.digest()).isEqualTo(FakeRegistryServer.ALLOWED_DIGEST);
    assertThat(other.status()).isEqualTo(PullCheckResult.DENIED);
  }

  private static DockerConfigJson registryConfig(String password) {
    return config(Map.of(registry.host(), List.of(DockerRegistryProcess.USER, password)));
  }

  private static PullCheckResult pull(DockerConfigJson config, String image) {
    try (RegistryHttp http =
        new RegistryHttp(
            properties(List.of("127.0.0.1"), tls, Duration.ofSeconds(10)),
            loopbackOnly(Map.of()))) {
      List<PullCheckResult> results =
          new PullChecker(http).check(config, List.of(image), List.of(ImageReference.parse(image)));
      assertThat(results).hasSize(1);
      return results.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RegistryCredentialChecker checker() {
    return new RegistryCredentialChecker(
        properties(List.of("127.0.0.1"), tls, Duration.ofSeconds(10)), loopbackOnly(Map.of()));
  }

  /**
   * Resolves the test's names and IP literals, and refuses anything else: no DNS, no packets out.
   */
  private static NameResolver loopbackOnly(Map<String, String> names) {
    return host -> {
      String address = names.getOrDefault(host, host);
      if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(address)};
    };
  }

  private static VerifyProperties properties(
      List<String> allowed, @Nullable TlsMaterial trust, Duration timeout) {
    return new VerifyProperties(
        allowed,
        trust == null ? null : trust.certificate(),
        List.of(),
        Duration.ofSeconds(2),
        timeout,
        DataSize.ofKilobytes(64));
  }

  private static RegistryCheckResult single(
      RegistryCredentialChecker checker, String key, String user, String password) {
    List<RegistryCheckResult> results = checker.check(config(Map.of(key, List.of(user, password))));
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static DockerConfigJson config(Map<String, List<String>> entries) {
    StringBuilder json = new StringBuilder("{\"auths\":{");
    entries.forEach(
        (key, credentials) -> {
          if (json.charAt(json.length() - 1) != '{') {
            json.append(',');
          }
          String full = TestData.dockerConfig(key, credentials.get(0), credentials.get(1));
          json.append(full, "{\"auths\":{".length(), full.length() - 2);
        });
    json.append("}}");
    return DockerConfigParser.parse(json.toString()).config();
  }
}

package org.registrysecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.ServiceKeys;
import org.registrysecrets.server.support.CloudStandIn;
import org.registrysecrets.server.support.DockerRegistryProcess;
import org.registrysecrets.server.support.ServerProcess;
import org.registrysecrets.server.support.TlsMaterial;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every command against the real server jar running as a separate process. */
class RegsecretsCommandTests {

  private static ServerProcess server;
  private static String bootstrapKeyJson;
  private static final TlsMaterial TLS = TlsMaterial.create();
  private static DockerRegistryProcess registry;
  private static CloudStandIn cloud;

  @TempDir Path home;
  private Cli cli;

  @BeforeAll
  static void startServer() throws Exception {
    registry = DockerRegistryProcess.start(TLS);
    cloud = new CloudStandIn(TLS);
    // The registry is reached as localhost, so that 127.0.0.1 stays closed to the checks.
    server =
        ServerProcess.start(
            "--regsecrets.verify.allowed-hosts=localhost:" + registry.port(),
            "--regsecrets.verify.ca-file=" + TLS.certificate(),
            "--regsecrets.webhooks.allowed-hosts=127.0.0.1",
            "--regsecrets.sources.ecr-endpoint=" + cloud.baseUrl() + "/ecr",
            "--regsecrets.sources.github-api-url=" + cloud.baseUrl() + "/github",
            "--regsecrets.sources.ca-file=" + TLS.certificate());
    bootstrapKeyJson = Files.readString(server.serviceKeyFile());
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
    registry.close();
    cloud.close();
  }

  /** Each test works in a tenant of its own, logged in with an editor key of that tenant. */
  @BeforeEach
  void loginToAFreshTenant() throws Exception {
    Cli admin = new Cli(home.resolve("admin")).env("AICORE_SERVICE_KEY", bootstrapKeyJson);
    Path keyFile = home.resolve("editor-key.json");
    Cli.Result created =
        admin.run(
            "service-keys",
            "create",
            "--tenant",
            "cli-" + UUID.randomUUID(),
            "--role",
            "editor",
            "--out",
            keyFile.toString());
    assertThat(created.status()).as(created.toString()).isZero();
    cli = new Cli(home.resolve("config"));
    Cli.Result login = cli.run("login", "--service-key", keyFile.toString());
    assertThat(login.status()).as(login.toString()).isZero();
    assertThat(login.out()).contains("Logged in").contains(server.url());
  }

  @Test
  void loginSavesAnOwnerOnlyProfile() throws Exception {
    Path profile = cli.configDir().resolve("profiles").resolve("default.json");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)))
        .isEqualTo("rw-------");
    assertThat(ServiceKeys.parse(Files.readString(profile)).url()).isEqualTo(server.url());
  }

  @Test
  void loginRefusesAKeyThatGetsNoToken() throws Exception {
    ServiceKey real = ServiceKeys.parse(bootstrapKeyJson);
    Path wrong = home.resolve("wrong.json");
    Files.writeString(
        wrong,
        ServiceKeys.toJson(
            new ServiceKey(
                real.clientid(),
                "not-the-secret",
                real.url(),
                "default",
                "default",
                real.serviceurls())));

    Cli.Result result = cli.run("login", "--service-key", wrong.toString(), "--profile", "broken");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).contains("refused the service key").doesNotContain("not-the-secret");
    assertThat(cli.configDir().resolve("profiles").resolve("broken.json")).doesNotExist();
  }

  @Test
  void createsFromKubectlFlagsWithThePasswordOnStdin() {
    Cli.Result created =
        cli.runWithStdin(
            "stdin-Password-42\n",
            "create",
            "pull-secret",
            "--docker-server",
            "ghcr.io",
            "--docker-username",
            "bot",
            "--docker-password-stdin",
            "--docker-email",
            "bot@example.com");

    assertThat(created.status()).as(created.toString()).isZero();
    assertThat(created.out()).isEqualTo("secret/pull-secret created\n");
    assertThat(created.toString()).doesNotContain("stdin-Password-42");
    Cli.Result get = cli.run("get", "pull-secret", "-o", "json");
    assertThat(get.out())
        .contains("\"registries\"")
        .contains("ghcr.io")
        .doesNotContain("stdin-Password-42");
  }

  @Test
  void createsAndUpdatesCloudCredentialSourcesWithSecretsOnlyFromStdinOrTheEnvironment()
      throws Exception {
    Cli.Result ecr =
        cli.runWithStdin(
            "Cli-Aws-Secret-Key-0042\n",
            "create",
            "ecr-pull",
            "--ecr-region",
            "eu-west-1",
            "--aws-access-key-id",
            "AKIACLISTANDIN000001",
            "--aws-secret-access-key-stdin");
    assertThat(ecr.status()).as(ecr.toString()).isZero();
    assertThat(ecr.out()).isEqualTo("secret/ecr-pull created\n");
    assertThat(cloud.calls("ecr").get(cloud.calls("ecr").size() - 1).headers().get("authorization"))
        .contains("AKIACLISTANDIN000001/")
        .contains("/eu-west-1/ecr/");
    Path key = home.resolve("app.pem");
    Files.writeString(key, cloud.gitHubAppPrivateKey());
    Cli.Result gitHub =
        cli.run(
            "create",
            "gh-pull",
            "--github-app-id",
            "1234",
            "--github-app-installation-id",
            "5678",
            "--github-app-key-file",
            key.toString());
    assertThat(gitHub.status()).as(gitHub.toString()).isZero();
    assertThat(gitHub.out()).isEqualTo("secret/gh-pull created\n");
    List<Cli.Result> formats = new ArrayList<>();
    for (String format : List.of("json", "yaml", "name")) {
      Cli.Result created =
          cli.run(
              "create",
              "gh-" + format,
              "--github-app-id",
              "1234",
              "--github-app-installation-id",
              "5678",
              "--github-app-key-file",
              key.toString(),
              "-o",
              format);
      assertThat(created.status()).as(created.toString()).isZero();
      formats.add(created);
    }
    assertThat(Output.JSON.readTree(formats.get(0).out()).path("id").asString())
        .isEqualTo("gh-json");
    assertThat(yaml(formats.get(1)).path("id").asString()).isEqualTo("gh-yaml");
    assertThat(formats.get(2).out()).isEqualTo("secret/gh-name\n");
    Cli.Result shown = cli.run("get", "gh-pull", "-o", "json");
    assertThat(shown.out()).contains("\"github-app\"").contains("ghcr.io");
    Cli.Result updated =
        cli.env("AWS_SECRET_ACCESS_KEY", "Cli-Aws-Secret-Key-0043")
            .run(
                "update",
                "gh-pull",
                "--ecr-region",
                "eu-west-1",
                "--aws-access-key-id",
                "AKIACLISTANDIN000001");
    assertThat(updated.status()).as(updated.toString()).isZero();
    assertThat(cli.run("get", "gh-pull", "-o", "json").out()).contains("\"ecr\"");
    Cli.Result mixed =
        cli.run(
            "create",
            "mixed",
            "--docker-username",
            "u",
            "--docker-password",
            "p",
            "--github-app-id",
            "1",
            "--github-app-installation-id",
            "2",
            "--github-app-key-file",
            key.toString());
    assertThat(mixed.status()).isEqualTo(2);
    Cli.Result expiring =
        cli.runWithStdin(
            "x\n",
            "create",
            "expiring",
            "--expires-in",
            "30d",
            "--ecr-region",
            "eu-west-1",
            "--aws-access-key-id",
            "AKIACLISTANDIN000001",
            "--aws-secret-access-key-stdin");
    assertThat(expiring.status()).isEqualTo(2);
    assertThat(expiring.err()).contains("the server makes each login");
    formats.addAll(List.of(ecr, gitHub, shown, updated, mixed, expiring));
    for (Cli.Result result : formats) {
      assertThat(result.toString())
          .doesNotContain("Cli-Aws-Secret-Key-004")
          .doesNotContain(cloud.issued().get(cloud.issued().size() - 1));
    }
  }

  @Test
  void printsTheApisAnswerAsJsonOrYamlOnRequest() {
    Cli.Result json = createWithOutput("answer-json", "json");
    Cli.Result yaml = createWithOutput("answer-yaml", "yaml");

    assertThat(json.status()).as(json.toString()).isZero();
    assertThat(Output.JSON.readTree(json.out()).get("message").asString())
        .isEqualTo("Secret has been created");
    assertThat(yaml(yaml).get("id").asString()).isEqualTo("answer-yaml");
    assertThat(json.out() + yaml.out()).doesNotContain("output-pw");
  }

  private Cli.Result createWithOutput(String name, String format) {
    return cli.runWithStdin(
        "output-pw\n",
        "create",
        name,
        "--docker-server",
        "r.io",
        "--docker-username",
        "u",
        "--docker-password-stdin",
        "-o",
        format);
  }

  @Test
  void warnsWhenThePasswordIsAFlagAndDefaultsToDockerHub() {
    Cli.Result created =
        cli.run("create", "hub", "--docker-username", "bot", "--docker-password", "flag-pw-1");

    assertThat(created.status()).isZero();
    assertThat(created.err())
        .contains("visible to other processes")
        .contains("--docker-password-stdin");
    assertThat(created.toString()).doesNotContain("flag-pw-1");
    assertThat(cli.run("get", "hub", "-o", "name").out()).isEqualTo("hub\n");
    assertThat(yaml(cli.run("get", "hub", "-o", "yaml")).get("registries").get(0).asString())
        .isEqualTo("index.docker.io");
    assertThat(cli.run("get", "hub").out()).contains("index.docker.io");
  }

  @Test
  void createsFromAFileInEachForm() throws Exception {
    String config = dockerConfig("r.example.com", "u", "file-pw");
    Path bare = write("bare.json", config);
    Path data =
        write(
            "data.json", "{\".dockerconfigjson\":" + Output.JSON.writeValueAsString(config) + "}");
    Path base64 =
        write(
            "b64.txt", Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)));
    Path legacy = write("legacy.json", "{\"r.example.com\":{\"auth\":\"" + base64("u:pw") + "\"}}");

    assertThat(cli.run("create", "from-bare", "--from-file", bare.toString()).status()).isZero();
    assertThat(cli.run("create", "from-data", "--from-file", data.toString()).status()).isZero();
    assertThat(cli.run("create", "from-base64", "--from-file", base64.toString()).status())
        .isZero();
    Cli.Result fromLegacy = cli.run("create", "from-legacy", "--from-file", legacy.toString());
    assertThat(fromLegacy.status()).isZero();
    assertThat(fromLegacy.err()).contains("legacy .dockercfg");
    assertThat(cli.run("list", "-o", "name").out())
        .isEqualTo("from-bare\nfrom-base64\nfrom-data\nfrom-legacy\n");
  }

  @Test
  void importsFromADockerConfigAndRefusesCredentialStoreEntries() throws Exception {
    Path dockerConfig =
        write(
            "config.json",
            "{\"auths\":{\"ghcr.io\":{\"auth\":\""
                + base64("gh:gh-pw")
                + "\"},\"registry.example.com\":{\"auth\":\""
                + base64("ex:ex-pw")
                + "\"},\"123.dkr.ecr.eu-west-1.amazonaws.com\":{}},"
                + "\"credHelpers\":{\"123.dkr.ecr.eu-west-1.amazonaws.com\":\"ecr-login\"}}");

    Cli.Result picked =
        cli.run(
            "create",
            "imported",
            "--from-docker-config",
            dockerConfig.toString(),
            "--registry",
            "ghcr.io");
    Cli.Result helper =
        cli.run(
            "create",
            "ecr",
            "--from-docker-config",
            dockerConfig.toString(),
            "--registry",
            "123.dkr.ecr.eu-west-1.amazonaws.com");
    Cli.Result everything =
        cli.run("create", "all", "--from-docker-config", dockerConfig.toString());

    assertThat(picked.status()).as(picked.toString()).isZero();
    assertThat(cli.run("get", "imported").out())
        .contains("ghcr.io")
        .doesNotContain("registry.example.com");
    assertThat(helper.status()).isEqualTo(1);
    assertThat(helper.err())
        .contains("123.dkr.ecr.eu-west-1.amazonaws.com")
        .contains("credential helper")
        .contains("--registry");
    assertThat(everything.status()).isEqualTo(1);
    assertThat(cli.run("get", "ecr").status()).isEqualTo(1);
  }

  @Test
  void importsFromTheDefaultDockerConfig() throws Exception {
    Path docker = cli.configDir().resolve(".docker");
    Files.createDirectories(docker);
    Files.writeString(docker.resolve("config.json"), dockerConfig("quay.io", "q", "q-pw"));

    Cli.Result created = cli.run("create", "from-home", "--from-docker-config");

    assertThat(created.status()).as(created.toString()).isZero();
    assertThat(cli.run("get", "from-home").out()).contains("quay.io");
  }

  @Test
  void dryRunPrintsAKubernetesSecretAndCallsNothing() throws Exception {
    Cli.Result yaml =
        cli.runWithStdin(
            "dry-pw\n",
            "create",
            "dry",
            "--docker-server",
            "ghcr.io",
            "--docker-username",
            "bot",
            "--docker-password-stdin",
            "--dry-run",
            "-o",
            "yaml");
    Cli.Result json =
        cli.run(
            "update",
            "dry",
            "--from-file",
            write("c.json", dockerConfig("r.io", "u", "p")).toString(),
            "--dry-run",
            "-o",
            "json");

    assertThat(yaml.status()).as(yaml.toString()).isZero();
    JsonNode manifest = YAMLMapper.builder().build().readTree(yaml.out());
    assertThat(manifest.get("apiVersion").asString()).isEqualTo("v1");
    assertThat(manifest.get("kind").asString()).isEqualTo("Secret");
    assertThat(manifest.get("type").asString()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(manifest.get("metadata").get("name").asString()).isEqualTo("dry");
    String decoded =
        new String(
            Base64.getDecoder().decode(manifest.get("data").get(".dockerconfigjson").asString()),
            StandardCharsets.UTF_8);
    JsonNode entry = Output.JSON.readTree(decoded).get("auths").get("ghcr.io");
    assertThat(entry.get("auth").asString()).isEqualTo(base64("bot:dry-pw"));
    assertThat(json.status()).isZero();
    assertThat(Output.JSON.readTree(json.out()).get("kind").asString()).isEqualTo("Secret");
    assertThat(cli.run("get", "dry").status()).isEqualTo(1);
  }

  @Test
  void listsInEveryFormat() throws Exception {
    Cli.Result empty = cli.run("list");
    for (String name : new String[] {"beta", "alpha", "gamma"}) {
      cli.runWithStdin(
          "pw\n",
          "create",
          name,
          "--docker-server",
          "r.io",
          "--docker-username",
          "u",
          "--docker-password-stdin");
    }
    cli.run("create", "two", "--from-file", write("two.json", twoRegistries()).toString());

    Cli.Result table = cli.run("list");
    Cli.Result json = cli.run("list", "-o", "json");
    Cli.Result yaml = cli.run("list", "-o", "yaml");
    Cli.Result page = cli.run("list", "--top", "1", "--skip", "1", "-o", "name");

    assertThat(table.out().lines().findFirst())
        .hasValueSatisfying(header -> assertThat(header).startsWith("NAME").contains("REGISTRIES"));
    assertThat(table.out()).contains("alpha").contains("r.io");
    assertThat(table.out()).containsPattern("two +quay.io, r.io +");
    assertThat(Output.JSON.readTree(json.out()).get("count").asInt()).isEqualTo(4);
    assertThat(yaml(yaml).get("resources").size()).isEqualTo(4);
    assertThat(yaml(yaml).get("resources").get(0).get("name").asString()).isEqualTo("alpha");
    assertThat(page.out()).isEqualTo("beta\n");
    assertThat(empty.status()).isZero();
    assertThat(empty.out()).isEmpty();
    assertThat(empty.err()).isEqualTo("No secrets.\n");
  }

  @Test
  void updatesAndDeletes() {
    cli.runWithStdin(
        "old-pw\n",
        "create",
        "rotating",
        "--docker-server",
        "r.io",
        "--docker-username",
        "u",
        "--docker-password-stdin");

    Cli.Result updated =
        cli.runWithStdin(
            "new-pw\n",
            "update",
            "rotating",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin");
    Cli.Result named =
        cli.runWithStdin(
            "newer-pw\n",
            "update",
            "rotating",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "-o",
            "name");
    assertThat(named.status()).as(named.toString()).isZero();
    assertThat(named.out()).isEqualTo("secret/rotating\n");
    Cli.Result unconfirmed = cli.run("delete", "rotating");
    assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(2);
    assertThat(unconfirmed.err()).contains("--yes");
    assertThat(cli.run("get", "rotating").status()).isZero();
    Cli.Result deleted = cli.run("delete", "rotating", "--yes");

    assertThat(updated.out()).isEqualTo("secret/rotating updated\n");
    assertThat(deleted.status()).isZero();
    assertThat(deleted.out()).isEqualTo("secret/rotating deleted\n");
    assertThat(cli.run("get", "rotating").status()).isEqualTo(1);
  }

  @Test
  void checksCredentialsWithTheRegistryOnRequest() {
    // The server refuses to reach loopback registries unless allowed: a check that cannot pass.
    Cli.Result refused =
        cli.runWithStdin(
            "pw\n",
            "create",
            "checked",
            "--docker-server",
            "127.0.0.1:9",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--verify");
    cli.runWithStdin(
        "pw\n",
        "create",
        "unchecked",
        "--docker-server",
        "127.0.0.1:9",
        "--docker-username",
        "u",
        "--docker-password-stdin");
    Cli.Result verify = cli.run("verify", "unchecked");
    Cli.Result json = cli.run("verify", "unchecked", "-o", "json");
    Cli.Result yaml = cli.run("verify", "unchecked", "-o", "yaml");

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err())
        .contains("CredentialCheckFailed")
        .contains("127.0.0.1:9: unreachable")
        .contains("not allowed");
    assertThat(cli.run("get", "checked").status()).isEqualTo(1);
    assertThat(verify.status()).isEqualTo(1);
    assertThat(verify.out()).startsWith("REGISTRY").contains("127.0.0.1:9").contains("unreachable");
    assertThat(Output.JSON.readTree(json.out()).get("results").get(0).get("status").asString())
        .isEqualTo("unreachable");
    assertThat(yaml.status()).isEqualTo(1);
    assertThat(yaml(yaml).get("results").get(0).get("registry").asString())
        .isEqualTo("127.0.0.1:9");
    assertThat(cli.run("get", "unchecked", "-o", "json").out()).contains("\"verification\"");
  }

  @Test
  void showsTheAuditTrailFilteredAndNeverTheData() {
    cli.runWithStdin(
        "audit-pw-1\n",
        "create",
        "audited",
        "--docker-server",
        "r.io",
        "--docker-username",
        "u",
        "--docker-password-stdin");
    cli.run("delete", "audited", "--yes");
    cli.run("delete", "audited", "--yes");

    Cli.Result table = cli.run("audit", "--secret", "audited", "--since", "1h");
    Cli.Result json = cli.run("audit", "--top", "1", "-o", "json");
    Cli.Result yamlOut = cli.run("audit", "--secret", "audited", "-o", "yaml");
    Cli.Result future = cli.run("audit", "--since", "2999-01-01T00:00:00Z");
    Cli.Result badTime = cli.run("audit", "--since", "yesterday");

    assertThat(table.status()).as(table.toString()).isZero();
    assertThat(table.out())
        .contains("TIME")
        .contains("ACTOR")
        .contains("NotFound")
        .contains("delete")
        .contains("create")
        .doesNotContain("audit-pw-1");
    assertThat(table.out().lines().filter(line -> line.contains("audited"))).hasSize(3);
    assertThat(json.status()).isZero();
    assertThat(Output.JSON.readTree(json.out()).get("count").asInt()).isEqualTo(3);
    assertThat(yamlOut.status()).isZero();
    assertThat(yaml(yamlOut).get("resources").get(0).get("action").asString()).isEqualTo("delete");
    assertThat(Output.JSON.readTree(json.out()).get("resources")).hasSize(1);
    assertThat(future.status()).isZero();
    assertThat(future.err()).contains("No audit events.");
    assertThat(badTime.status()).isEqualTo(2);
    assertThat(badTime.err()).contains("--since takes a time");
  }

  @Test
  void canPullExitsZeroOnlyWhenEveryImageIsPullable() {
    String digest = registry.pushImage(TLS, "ml/serve", "2.0");
    String host = "localhost:" + registry.port();
    cli.runWithStdin(
        DockerRegistryProcess.PASSWORD + "\n",
        "create",
        "pulls",
        "--docker-server",
        host,
        "--docker-username",
        DockerRegistryProcess.USER,
        "--docker-password-stdin");

    Cli.Result pullable = cli.run("can-pull", "pulls", host + "/ml/serve:2.0");
    Cli.Result mixed =
        cli.run("can-pull", "pulls", host + "/ml/serve:2.0", host + "/ml/serve:9.9", "python");
    Cli.Result json = cli.run("can-pull", "pulls", host + "/ml/serve:2.0", "-o", "json");
    Cli.Result yamlMixed = cli.run("can-pull", "pulls", host + "/ml/serve:9.9", "-o", "yaml");
    Cli.Result bad = cli.run("can-pull", "pulls", "Not An Image");

    assertThat(pullable.status()).as(pullable.toString()).isZero();
    assertThat(pullable.out()).startsWith("IMAGE").contains("pullable").contains(digest);
    assertThat(mixed.status()).isEqualTo(1);
    assertThat(mixed.out()).contains("not-found").contains("no-credentials");
    assertThat(json.status()).isZero();
    assertThat(Output.JSON.readTree(json.out()).get("results").get(0).get("digest").asString())
        .isEqualTo(digest);
    assertThat(yamlMixed.status()).isEqualTo(1);
    assertThat(yaml(yamlMixed).get("results").get(0).get("status").asString())
        .isEqualTo("not-found");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).contains("The image reference Not An Image");
    assertThat(pullable.out() + mixed.out() + json.out())
        .doesNotContain(DockerRegistryProcess.PASSWORD);
  }

  @Test
  void listsVersionsAndRollsBackWithoutShowingCredentials() {
    for (String password : new String[] {"History-pw-1", "History-pw-2", "History-pw-3"}) {
      cli.runWithStdin(
          password + "\n",
          password.endsWith("1") ? "create" : "update",
          "versioned",
          "--docker-server",
          "r.io",
          "--docker-username",
          "u",
          "--docker-password-stdin");
    }

    Cli.Result history = cli.run("history", "versioned");
    Cli.Result rollback = cli.run("rollback", "versioned", "--to-version", "1");
    Cli.Result stale = cli.run("rollback", "versioned", "--to-version", "2", "--if-version", "3");
    Cli.Result json = cli.run("history", "versioned", "-o", "json");
    Cli.Result yamlHistory = cli.run("history", "versioned", "-o", "yaml");
    Cli.Result rollbackJson = cli.run("rollback", "versioned", "--to-version", "2", "-o", "json");
    Cli.Result missing = cli.run("rollback", "versioned", "--to-version", "99");

    assertThat(history.status()).as(history.toString()).isZero();
    assertThat(history.out()).startsWith("VERSION").contains("FINGERPRINT").contains("r.io");
    assertThat(history.out().lines().filter(line -> line.matches("^[123] .*"))).hasSize(3);
    assertThat(rollback.status()).as(rollback.toString()).isZero();
    assertThat(rollback.out()).contains("rolled back to version 1 as version 4");
    assertThat(stale.status()).isEqualTo(1);
    assertThat(stale.err()).contains("PreconditionFailed");
    assertThat(json.status()).isZero();
    assertThat(yamlHistory.status()).isZero();
    assertThat(yaml(yamlHistory).get("count").asInt()).isEqualTo(4);
    assertThat(rollbackJson.status()).isZero();
    assertThat(Output.JSON.readTree(rollbackJson.out()).get("message").asString())
        .isEqualTo("Secret has been restored");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("Version 99");
    JsonNode versions = Output.JSON.readTree(json.out()).get("resources");
    assertThat(versions.get(0).get("fingerprint").asString())
        .isEqualTo(versions.get(3).get("fingerprint").asString());
    assertThat(history.out() + rollback.out() + json.out())
        .doesNotContain("History-pw-1")
        .doesNotContain("History-pw-2")
        .doesNotContain("History-pw-3");
  }

  @Test
  void recordsExpiriesAndListsThem() {
    Cli.Result dated =
        cli.runWithStdin(
            "pw\n",
            "create",
            "dated",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--expires",
            "2999-03-01");
    Cli.Result soon =
        cli.runWithStdin(
            "pw\n",
            "create",
            "soon",
            "--docker-server",
            "q.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--expires-in",
            "3d");
    Cli.Result both =
        cli.runWithStdin(
            "pw\n",
            "create",
            "both",
            "--docker-server",
            "q.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--expires",
            "2999-03-01",
            "--expires-in",
            "3d");
    Cli.Result list = cli.run("list");

    assertThat(dated.status()).as(dated.toString()).isZero();
    assertThat(soon.status()).as(soon.toString()).isZero();
    assertThat(both.status()).isEqualTo(2);
    assertThat(list.out())
        .contains("EXPIRES")
        .contains("2999-03-01T00:00:00Z (ok)")
        .contains("(expiring)");
    assertThat(cli.run("get", "dated", "-o", "json").out()).contains("\"source\" : \"user\"");
  }

  @Test
  void managesWebhooksInEveryFormatAndNeverShowsTheirSecrets() {
    Cli.Result made = cli.run("webhooks", "add", "http://127.0.0.1:9/made");
    Cli.Result own =
        cli.env("HOOK_SECRET", "my-own-signing-secret-1")
            .run(
                "webhooks",
                "add",
                "http://127.0.0.1:9/own",
                "--secret-env",
                "HOOK_SECRET",
                "--event",
                "expired",
                "--event",
                "recheck.failed",
                "-o",
                "json");
    Cli.Result refused = cli.run("webhooks", "add", "https://10.0.0.1/hook");
    Cli.Result badEvent = cli.run("webhooks", "add", "http://127.0.0.1:9/x", "--event", "deleted");
    Cli.Result missingEnv =
        cli.run("webhooks", "add", "http://127.0.0.1:9/x", "--secret-env", "NOT_SET_ANYWHERE");

    assertThat(made.status()).as(made.toString()).isZero();
    assertThat(made.out())
        .containsPattern("webhook/\\S+ added")
        .containsPattern("shown once\\): [0-9a-f]{64}");
    assertThat(own.status()).as(own.toString()).isZero();
    assertThat(own.out()).doesNotContain("my-own-signing-secret-1");
    String ownId = Output.JSON.readTree(own.out()).get("id").asString();
    assertThat(Output.JSON.readTree(own.out()).get("events").size()).isEqualTo(2);
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("private network address");
    assertThat(badEvent.status()).isEqualTo(2);
    assertThat(missingEnv.status()).isEqualTo(2);

    Cli.Result table = cli.run("webhooks", "list");
    Cli.Result json = cli.run("webhooks", "list", "-o", "json");
    Cli.Result yaml = cli.run("webhooks", "list", "-o", "yaml");
    Cli.Result names = cli.run("webhooks", "list", "-o", "name");
    assertThat(table.out())
        .contains("ID", "URL", "EVENTS")
        .contains("http://127.0.0.1:9/own")
        .contains("expired,recheck.failed");
    assertThat(Output.JSON.readTree(json.out()).size()).isEqualTo(2);
    assertThat(yaml.out()).contains("url: \"http://127.0.0.1:9/made\"");
    assertThat(names.out()).contains("webhook/" + ownId);
    for (Cli.Result listed : List.of(table, json, yaml, names)) {
      assertThat(listed.out()).doesNotContain("my-own-signing-secret-1");
    }
    Cli.Result deliveries = cli.run("webhooks", "deliveries", ownId);
    assertThat(deliveries.status()).isZero();
    assertThat(deliveries.out()).contains("EVENT", "STATE", "ATTEMPTS");
    assertThat(cli.run("webhooks", "deliveries", ownId, "-o", "json").out().strip())
        .isEqualTo("[ ]");

    assertThat(cli.run("webhooks", "remove", ownId).out())
        .contains("webhook/" + ownId + " removed");
    assertThat(cli.run("webhooks", "remove", ownId).status()).isEqualTo(1);
    assertThat(cli.run("webhooks", "list", "-o", "json").out()).doesNotContain(ownId);
  }

  @Test
  void rotatesTheDataKeyWithTheBootstrapKeyOnly() {
    Cli admin = new Cli(home.resolve("operator")).env("AICORE_SERVICE_KEY", bootstrapKeyJson);
    Cli.Result before = admin.run("admin", "data-keys", "-o", "json");
    Cli.Result rotated = admin.run("admin", "rotate-data-key");
    Cli.Result table = admin.run("admin", "data-keys");
    Cli.Result yaml = admin.run("admin", "data-keys", "-o", "yaml");
    Cli.Result editor = cli.run("admin", "data-keys");

    assertThat(before.status()).as(before.toString()).isZero();
    long oldKey = Output.JSON.readTree(before.out()).get("primary").asLong();
    assertThat(rotated.status()).as(rotated.toString()).isZero();
    assertThat(rotated.out()).contains("KEY", "STATUS", "PRIMARY", "ROWS");
    assertThat(table.out()).contains(Long.toString(oldKey)).contains("yes");
    assertThat(yaml.out()).contains("primary:").contains("rowsToReseal:");
    assertThat(editor.status()).isEqualTo(1);
    // The primary key cannot be disabled: refused by the API
    long primary =
        Output.JSON
            .readTree(admin.run("admin", "data-keys", "-o", "json").out())
            .get("primary")
            .asLong();
    Cli.Result refused = admin.run("admin", "disable-data-key", Long.toString(primary));
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("primary");
  }

  @Test
  void turnsScheduledRechecksOnAndOff() {
    Cli.Result on =
        cli.runWithStdin(
            "pw\n",
            "create",
            "rechecked",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--recheck",
            "1d");
    Cli.Result bad =
        cli.runWithStdin(
            "pw\n",
            "update",
            "rechecked",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--recheck",
            "daily");

    assertThat(on.status()).as(on.toString()).isZero();
    assertThat(cli.run("get", "rechecked", "-o", "json").out()).contains("\"every\" : \"PT24H\"");
    assertThat(bad.status()).isEqualTo(2);
    Cli.Result off =
        cli.runWithStdin(
            "pw\n",
            "update",
            "rechecked",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin",
            "--recheck",
            "off");
    assertThat(off.status()).as(off.toString()).isZero();
    assertThat(cli.run("get", "rechecked", "-o", "json").out()).doesNotContain("\"recheck\"");
  }

  @Test
  void showsTheQuota() {
    Cli.Result quota = cli.run("quota");
    Cli.Result json = cli.run("quota", "-o", "json");
    Cli.Result yaml = cli.run("quota", "-o", "yaml");

    assertThat(quota.out()).contains("USED").contains("MAX").contains("50");
    assertThat(Output.JSON.readTree(json.out()).get("quota").get("maxCount").asInt()).isEqualTo(50);
    assertThat(yaml(yaml).get("quota").get("maxCount").asInt()).isEqualTo(50);
    assertThat(yaml(yaml).get("usage").get("count").asInt()).isZero();
  }

  @Test
  void exitsWithOneWhenTheApiRefusesAndTwoOnUsageErrors() {
    cli.runWithStdin(
        "pw\n",
        "create",
        "taken",
        "--docker-server",
        "r.io",
        "--docker-username",
        "u",
        "--docker-password-stdin");

    Cli.Result conflict =
        cli.runWithStdin(
            "pw\n",
            "create",
            "taken",
            "--docker-server",
            "r.io",
            "--docker-username",
            "u",
            "--docker-password-stdin");
    Cli.Result missing = cli.run("get", "missing-one");
    Cli.Result badName = cli.run("get", "Bad_Name");
    Cli.Result noUser = cli.run("create", "x1", "--docker-password-stdin");
    Cli.Result twoSources = cli.run("create", "x1", "--from-file", "a", "--from-docker-config");
    Cli.Result unknown = cli.run("list", "--frobnicate");
    Cli.Result registryAlone =
        cli.run("create", "x1", "--from-file", "a.json", "--registry", "r.io");

    assertThat(conflict.status()).isEqualTo(1);
    assertThat(conflict.err()).contains("already exists").contains("409 AlreadyExists");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("404 NotFound");
    assertThat(badName.status()).isEqualTo(1);
    for (Cli.Result usage : new Cli.Result[] {noUser, twoSources, unknown, registryAlone}) {
      assertThat(usage.status()).as(usage.toString()).isEqualTo(2);
    }
  }

  @Test
  void worksWithAicoreServiceKeyAndNoLogin() {
    Cli fresh = new Cli(home.resolve("fresh")).env("AICORE_SERVICE_KEY", bootstrapKeyJson);
    Cli noKey = new Cli(home.resolve("nokey"));

    assertThat(fresh.run("list").status()).isZero();
    Cli.Result withoutKey = noKey.run("list");
    assertThat(withoutKey.status()).isEqualTo(2);
    assertThat(withoutKey.err()).contains("regsecrets login").contains("AICORE_SERVICE_KEY");
  }

  @Test
  void managesServiceKeys() {
    Cli admin = new Cli(home.resolve("keys-admin")).env("AICORE_SERVICE_KEY", bootstrapKeyJson);
    Cli.Result created =
        admin.run(
            "service-keys",
            "create",
            "--tenant",
            "keys-test",
            "--role",
            "viewer",
            "--description",
            "ci");
    ServiceKey key = ServiceKeys.parse(created.out());

    Cli.Result list = admin.run("service-keys", "list", "-o", "json");
    Cli.Result table = admin.run("service-keys", "list");
    Cli.Result revoked = admin.run("service-keys", "revoke", key.clientid());
    Cli.Result yamlList = admin.run("service-keys", "list", "-o", "yaml");
    Cli.Result badRole = admin.run("service-keys", "create", "--tenant", "t", "--role", "owner");
    Cli.Result adminRole = admin.run("service-keys", "create", "--tenant", "t", "--role", "admin");

    assertThat(key.identityzone()).isEqualTo("keys-test");
    assertThat(list.out()).contains(key.clientid()).doesNotContain(key.clientsecret());
    assertThat(table.out()).contains("CLIENTID").contains("keys-test");
    assertThat(revoked.status()).isZero();
    assertThat(admin.run("service-keys", "list", "-o", "name").out())
        .doesNotContain(key.clientid());
    assertThat(yaml(yamlList)).isNotEmpty();
    assertThat(yamlList.out()).contains("role: \"admin\"").doesNotContain(key.clientid());
    assertThat(badRole.status()).isEqualTo(2);
    assertThat(adminRole.status()).isEqualTo(2);
    assertThat(adminRole.err()).contains("\"admin\" belongs to the bootstrap key alone");
    assertThat(cli.run("service-keys", "list").status()).isEqualTo(1);
  }

  @Test
  void exitsWithTwoAndNamesTheFileWhenALocalFileIsMissing() {
    Path missing = home.resolve("no-such-key.json");

    Cli.Result login = cli.run("login", "--service-key", missing.toString());
    Cli.Result create = cli.run("create", "x1", "--from-file", missing.toString());
    Cli.Result profile = cli.run("list", "--profile", "nobody");

    assertThat(login.status()).as(login.toString()).isEqualTo(2);
    assertThat(login.err()).isEqualTo("error: no such file: " + missing + "\n");
    assertThat(create.status()).isEqualTo(2);
    assertThat(create.err()).contains("no such file: " + missing);
    assertThat(profile.status()).isEqualTo(2);
    assertThat(profile.err()).contains("no profile \"nobody\"").contains("regsecrets login");
  }

  @Test
  void saysWhenTheServerIsNotRunning() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    ServiceKey key = ServiceKeys.parse(bootstrapKeyJson);
    String unreachable =
        ServiceKeys.toJson(
            new ServiceKey(
                key.clientid(),
                key.clientsecret(),
                url,
                key.identityzone(),
                key.identityzoneid(),
                new ServiceKey.ServiceUrls(url)));

    Cli.Result list =
        new Cli(home.resolve("down")).env("AICORE_SERVICE_KEY", unreachable).run("list");

    assertThat(list.status()).isEqualTo(1);
    assertThat(list.err())
        .isEqualTo(
            "error: cannot connect to "
                + url
                + "/oauth/token: connection refused — is the server running?\n");
  }

  @Test
  void printsCompletionScripts() {
    Cli.Result bash = cli.run("completion", "bash");
    Cli.Result zsh = cli.run("completion", "zsh");

    assertThat(bash.status()).isZero();
    assertThat(bash.out())
        .contains("complete")
        .contains("regsecrets")
        .contains("service-keys")
        .contains("--docker-password-stdin");
    assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
    assertThat(cli.run("completion", "fish").status()).isEqualTo(2);
  }

  private static JsonNode yaml(Cli.Result result) {
    assertThat(result.out()).as(result.toString()).isNotBlank();
    return YAMLMapper.builder().build().readTree(result.out());
  }

  private static String twoRegistries() {
    return "{\"auths\":{\"r.io\":{\"auth\":\""
        + base64("u:p")
        + "\"},\"quay.io\":{\"auth\":\""
        + base64("u:p")
        + "\"}}}";
  }

  private Path write(String name, String content) throws Exception {
    Path file = home.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static String dockerConfig(String registry, String user, String password) {
    return "{\"auths\":{\""
        + registry
        + "\":{\"auth\":\""
        + base64(user + ":" + password)
        + "\"}}}";
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}

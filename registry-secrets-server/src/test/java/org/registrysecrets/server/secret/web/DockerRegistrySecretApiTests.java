package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import tools.jackson.databind.JsonNode;

/** Every row of the AI Core contract over real HTTP, in a tenant of this class's own. */
class DockerRegistrySecretApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  private String tenant;
  private String editor;

  @BeforeEach
  void tenant() {
    tenant = "api-" + UUID.randomUUID();
    editor = token(tenant, "editor");
  }

  @Test
  void holdsAHundredRegistriesWithLongNamesAndRefusesMoreClearly() {
    Response tooMany = api.post(SECRETS, editor, createBody("too-many", manyRegistries(101)));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorMessage()).contains("101 registry entries").contains("at most 100");
    assertThat(api.get(SECRETS + "/too-many", editor).status()).isEqualTo(404);

    // 100 hosts of 47 characters: more than the old 4000-character column held
    Response created = api.post(SECRETS, editor, createBody("hundred", manyRegistries(100)));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    assertThat(api.get(SECRETS + "/hundred", editor).json().get("registries").size())
        .isEqualTo(100);
    assertThat(api.patch(SECRETS + "/hundred", editor, patchBody(manyRegistries(100))).status())
        .isEqualTo(202);
    // Every loopback registry is refused by the guard at once: 100 results with their reasons,
    // more than the old 8000-character column held.
    Response verified = api.post(SECRETS + "/hundred/verify", editor, null);
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(verified.json().get("results").size()).isEqualTo(100);
    assertThat(
            api.get(SECRETS + "/hundred", editor).json().get("verification").get("results").size())
        .isEqualTo(100);
  }

  /** A Docker config of {@code count} registries on loopback, written out in full IPv6 form. */
  private static String manyRegistries(int count) {
    StringBuilder auths = new StringBuilder("{\"auths\":{");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        auths.append(',');
      }
      auths
          .append("\"[0000:0000:0000:0000:0000:0000:0000:0001]:")
          .append(20000 + i)
          .append("\":{\"auth\":\"dTpw\"}");
    }
    return auths.append("}}").toString();
  }

  @Test
  void createsListsGetsModifiesAndDeletesASecret() {
    // Given
    String config = dockerConfig("registry.example.com", "robot", "first-password");

    // When
    Response created = api.post(SECRETS, editor, createBody("training-images", config));

    // Then
    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().get("message").asString()).isEqualTo("Secret has been created");
    assertThat(created.json().get("id").asString()).isEqualTo("training-images");
    assertThat(created.json().has("warnings")).isFalse();

    Response list = api.get(SECRETS, editor);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("count").asInt()).isEqualTo(1);
    JsonNode metadata = list.json().get("resources").get(0);
    assertThat(metadata.get("name").asString()).isEqualTo("training-images");
    assertThat(metadata.get("registries").get(0).asString()).isEqualTo("registry.example.com");
    assertThat(metadata.has("createdAt")).isTrue();
    assertThat(metadata.has("data")).isFalse();

    Response get = api.get(SECRETS + "/training-images", editor);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("ETag")).isEqualTo("\"1\"");
    assertThat(get.body()).doesNotContain("first-password").doesNotContain("auths");

    Response modified =
        api.patch(
            SECRETS + "/training-images",
            editor,
            patchBody(dockerConfig("registry.example.com", "robot", "second-password")),
            "Content-Type",
            "application/merge-patch+json");
    assertThat(modified.status()).isEqualTo(202);
    assertThat(modified.json().get("message").asString()).isEqualTo("Secret has been modified");
    assertThat(modified.json().get("id").asString()).isEqualTo("training-images");
    assertThat(api.get(SECRETS + "/training-images", editor).header("ETag")).isEqualTo("\"2\"");

    Response deleted = api.delete(SECRETS + "/training-images", editor);
    assertThat(deleted.status()).isEqualTo(202);
    assertThat(deleted.json().get("message").asString())
        .isEqualTo("Docker Registry Secret has been deleted");
    assertThat(deleted.json().get("id").asString()).isEqualTo("training-images");
    assertThat(api.get(SECRETS + "/training-images", editor).status()).isEqualTo(404);
  }

  @Test
  void patchAcceptsPlainJsonAndTheSameName() {
    create("same-name");

    Response modified =
        api.patch(
            SECRETS + "/same-name",
            editor,
            "{\"name\":\"same-name\",\"data\":{\".dockerconfigjson\":"
                + ApiClientJson.quote(dockerConfig("r.example.com", "u", "p2"))
                + "}}");

    assertThat(modified.status()).isEqualTo(202);
  }

  @Test
  void refusesToRenameASecret() {
    create("fixed-name");

    Response renamed =
        api.patch(
            SECRETS + "/fixed-name",
            editor,
            "{\"name\":\"other-name\",\"data\":{\".dockerconfigjson\":"
                + ApiClientJson.quote(dockerConfig("r.example.com", "u", "p"))
                + "}}");

    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.errorMessage()).contains("cannot be changed");
    assertThat(api.get(SECRETS + "/other-name", editor).status()).isEqualTo(404);
  }

  @Test
  void listsInNameOrderWithTopSkipAndCount() {
    for (String name : List.of("charlie", "alpha", "delta", "bravo")) {
      create(name);
    }

    Response page = api.get(SECRETS + "?$top=2&$skip=1&$count=true", editor);
    Response withoutCount = api.get(SECRETS + "?$top=2&$skip=1", editor);

    assertThat(page.status()).isEqualTo(200);
    assertThat(names(page)).containsExactly("bravo", "charlie");
    assertThat(page.json().get("count").asInt()).isEqualTo(4);
    assertThat(withoutCount.json().get("count").asInt()).isEqualTo(2);
    assertThat(names(api.get(SECRETS, editor)))
        .containsExactly("alpha", "bravo", "charlie", "delta");
    assertThat(names(api.get(SECRETS + "?$skip=10", editor))).isEmpty();
  }

  @Test
  void refusesMalformedPagingParameters() {
    for (String query :
        List.of("$top=-1", "$top=abc", "$skip=1.5", "$top=99999999999", "$count=yes")) {
      Response response = api.get(SECRETS + "?" + query, editor);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.errorCode()).as(query).isEqualTo("BadRequest");
    }
  }

  @Test
  void reportsQuotaWithAndWithoutUsage() {
    create("one");
    create("two");

    Response quota = api.get("/v2/admin/resourceQuota/dockerRegistrySecrets", editor);
    Response quotaOnly =
        api.get("/v2/admin/resourceQuota/dockerRegistrySecrets?quotaOnly=true", editor);

    assertThat(quota.status()).isEqualTo(200);
    assertThat(quota.json().get("usage").get("count").asInt()).isEqualTo(2);
    assertThat(quota.json().get("quota").get("maxCount").asInt()).isEqualTo(50);
    assertThat(quotaOnly.json().has("usage")).isFalse();
    assertThat(quotaOnly.json().get("quota").get("maxCount").asInt()).isEqualTo(50);
  }

  @Test
  void answersUnknownSecretsWith404AndTheErrorBody() {
    Response response = api.get(SECRETS + "/does-not-exist", editor);

    assertThat(response.status()).isEqualTo(404);
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asString()).isEqualTo("NotFound");
    assertThat(error.get("message").asString()).contains("does-not-exist");
    assertThat(error.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    assertThat(error.get("target").asString()).isEqualTo(SECRETS + "/does-not-exist");
    assertThat(error.get("details").isObject()).isTrue();
    assertThat(
            api.patch(
                    SECRETS + "/does-not-exist", editor, patchBody(dockerConfig("r.io", "u", "p")))
                .status())
        .isEqualTo(404);
    assertThat(api.delete(SECRETS + "/does-not-exist", editor).status()).isEqualTo(404);
  }

  @Test
  void refusesADuplicateNameWith409() {
    create("taken");

    Response again = api.post(SECRETS, editor, createBody("taken", dockerConfig("r.io", "u", "p")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("AlreadyExists");
  }

  @Test
  void refusesInvalidNamesWith400() {
    for (String name :
        List.of("Upper", "-dash", "dash-", "a", "a_b", "has space", "x".repeat(64), "")) {
      Response response =
          api.post(SECRETS, editor, createBody(name, dockerConfig("r.io", "u", "p")));
      assertThat(response.status()).as(name).isEqualTo(400);
      assertThat(response.errorMessage()).as(name).containsAnyOf("name", "Name");
    }
    assertThat(api.get(SECRETS + "/Upper", editor).status()).isEqualTo(400);
    assertThat(names(api.get(SECRETS, editor))).isEmpty();
  }

  @Test
  void refusesMalformedBodiesWith400() {
    String valid = ApiClientJson.quote(dockerConfig("r.io", "u", "p"));
    List<String> bodies =
        List.of(
            "not json",
            "[]",
            "null",
            "{}",
            "{\"name\":\"ok-name\"}",
            "{\"name\":\"ok-name\",\"data\":{}}",
            "{\"name\":\"ok-name\",\"data\":{\".dockerconfigjson\":{\"auths\":{}}}}",
            "{\"name\":\"ok-name\",\"data\":{\".dockerconfigjson\":" + valid + "},\"extra\":1}",
            "{\"name\":\"ok-name\",\"data\":{\".dockerconfigjson\":" + valid + ",\"other\":\"x\"}}",
            "{\"name\":42,\"data\":{\".dockerconfigjson\":" + valid + "}}",
            "{\"name\":\"ok-name\",\"name\":\"ok-name\",\"data\":{\".dockerconfigjson\":"
                + valid
                + "}}");
    for (String body : bodies) {
      Response response = api.post(SECRETS, editor, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.errorCode()).as(body).isEqualTo("BadRequest");
    }
    assertThat(api.send("POST", SECRETS, editor, null).status()).isEqualTo(400);
    assertThat(names(api.get(SECRETS, editor))).isEmpty();
  }

  @Test
  void refusesUnknownFieldsWithoutQuotingThem() {
    Response response =
        api.post(
            SECRETS,
            editor,
            "{\"name\":\"ok-name\",\"data\":{\".dockerconfigjson\":\"{}\"},\"passwd\":\"hunter2-value\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).contains("not allowed").contains("data, name");
    assertThat(response.body()).doesNotContain("passwd").doesNotContain("hunter2-value");
  }

  @Test
  void refusesInvalidDockerConfigsNamingTheProblem() {
    String auth = java.util.Base64.getEncoder().encodeToString("user:pw".getBytes());
    record Case(String config, String expected) {}
    List<Case> cases =
        List.of(
            new Case("not json at all", "not valid JSON"),
            new Case("[1,2]", "JSON object"),
            new Case("{\"something\":{}}", "no \"auths\""),
            new Case("{\"auths\":[]}", "non-empty \"auths\""),
            new Case("{\"auths\":{}}", "non-empty \"auths\""),
            new Case("{\"auths\":{\"r.io\":\"text\"}}", "\"r.io\" in auths is not an object"),
            new Case("{\"auths\":{\"r.io\":{}}}", "\"r.io\" has no usable credential"),
            new Case("{\"auths\":{\"r.io\":{\"email\":\"a@b.c\"}}}", "no usable credential"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\"not base64!\"}}}",
                "\"r.io\": \"auth\" is not standard base64"),
            new Case("{\"auths\":{\"r.io\":{\"auth\":\"dXNlcg==\"}}}", "has no ':'"),
            new Case("{\"auths\":{\"r.io\":{\"auth\":\"OnB3\"}}}", "user name is empty"),
            new Case("{\"auths\":{\"r.io\":{\"username\":\"u\"}}}", "without \"password\""),
            new Case("{\"auths\":{\"r.io\":{\"password\":\"p\"}}}", "without \"username\""),
            new Case("{\"auths\":{\"r.io\":{\"auth\":42}}}", "must be a string"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\"" + auth + "\"}},\"credsStore\":\"desktop\"}",
                "credsStore"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\"" + auth + "\"}},\"credHelpers\":{}}",
                "credHelpers"),
            new Case("{\"auths\":{\"ftp://r.io\":{\"auth\":\"" + auth + "\"}}}", "scheme"),
            new Case("{\"auths\":{\"r.io:99999\":{\"auth\":\"" + auth + "\"}}}", "port"),
            new Case("{\"auths\":{\"r io\":{\"auth\":\"" + auth + "\"}}}", "host name"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\""
                    + auth
                    + "\"},\"r.io\":{\"auth\":\""
                    + auth
                    + "\"}}}",
                "duplicate"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\""
                    + auth
                    + "\"}}, \"x\":"
                    + "\""
                    + "y".repeat(33_000)
                    + "\"}",
                "larger than"));
    for (Case c : cases) {
      Response response = api.post(SECRETS, editor, createBody("checked", c.config()));
      assertThat(response.status()).as(c.config()).isEqualTo(400);
      assertThat(response.errorMessage()).as(c.config()).contains(c.expected());
      assertThat(response.body()).as(c.config()).doesNotContain("pw").doesNotContain(auth);
    }
    assertThat(names(api.get(SECRETS, editor))).isEmpty();
  }

  @Test
  void acceptsButWarnsAboutQuestionableConfigs() {
    String auth = java.util.Base64.getEncoder().encodeToString("user:pw".getBytes());
    String otherAuth = java.util.Base64.getEncoder().encodeToString("other:pw2".getBytes());
    record Case(String config, String expected) {}
    List<Case> cases =
        List.of(
            new Case("{\"auths\":{\"r.io\":{\"identitytoken\":\"tok\"}}}", "kubelet ignores"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\""
                    + auth
                    + "\",\"username\":\"x\",\"password\":\"y\"}}}",
                "disagree"),
            new Case(
                "{\"auths\":{\"docker.io\":{\"auth\":\"" + auth + "\"}}}",
                "https://index.docker.io/v1/"),
            new Case("{\"auths\":{\"http://r.io\":{\"auth\":\"" + auth + "\"}}}", "plain http://"),
            new Case(
                "{\"auths\":{\"r.io\":{\"username\":\"u\",\"password\":\" pw\\n\"}}}",
                "whitespace"),
            new Case(
                "{\"auths\":{\"r.io\":{\"auth\":\""
                    + auth
                    + "\"},\"https://R.IO/\":{\"auth\":\""
                    + otherAuth
                    + "\"}}}",
                "same registry"));
    int i = 0;
    for (Case c : cases) {
      String name = "warned-" + i++;
      Response response = api.post(SECRETS, editor, createBody(name, c.config()));
      assertThat(response.status()).as(c.config()).isEqualTo(202);
      assertThat(response.json().get("warnings").toString()).as(c.config()).contains(c.expected());
    }
  }

  @Test
  void normalisesDockerHubKeysAndListsTheirHost() {
    Response created =
        api.post(SECRETS, editor, createBody("hub", dockerConfig("index.docker.io", "u", "p")));

    assertThat(created.status()).isEqualTo(202);
    assertThat(api.get(SECRETS + "/hub", editor).json().get("registries").get(0).asString())
        .isEqualTo("index.docker.io");
  }

  @Test
  void honoursIfMatchOnPatchAndDelete() {
    create("locked");
    String etag = api.get(SECRETS + "/locked", editor).header("ETag");
    String newConfig = patchBody(dockerConfig("r.io", "u", "p2"));

    Response stale = api.patch(SECRETS + "/locked", editor, newConfig, "If-Match", "\"7\"");
    Response weak = api.patch(SECRETS + "/locked", editor, newConfig, "If-Match", "W/" + etag);
    Response fresh = api.patch(SECRETS + "/locked", editor, newConfig, "If-Match", etag);
    Response replayed = api.patch(SECRETS + "/locked", editor, newConfig, "If-Match", etag);
    Response staleDelete = api.delete(SECRETS + "/locked", editor, "If-Match", etag);
    Response anyDelete = api.delete(SECRETS + "/locked", editor, "If-Match", "*");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.errorCode()).isEqualTo("PreconditionFailed");
    assertThat(weak.status()).isEqualTo(412);
    assertThat(fresh.status()).isEqualTo(202);
    assertThat(fresh.header("ETag")).isEqualTo("\"2\"");
    assertThat(replayed.status()).isEqualTo(412);
    assertThat(staleDelete.status()).isEqualTo(412);
    assertThat(anyDelete.status()).isEqualTo(202);
  }

  @Test
  void acceptsWhatSapsSdkSends() {
    create("sdk-secret");
    String[] sdkHeaders = {
      "Content-Type",
      "application/json",
      "AI-Resource-Group",
      "default",
      "AI-Client-Type",
      "AI SDK Java"
    };

    Response list =
        api.send("GET", SECRETS + "?$top=10&$skip=0&$count=true", editor, null, sdkHeaders);
    Response get = api.send("GET", SECRETS + "/sdk-secret", editor, null, sdkHeaders);
    Response delete = api.send("DELETE", SECRETS + "/sdk-secret", editor, null, sdkHeaders);

    assertThat(list.status()).isEqualTo(200);
    assertThat(names(list)).containsExactly("sdk-secret");
    assertThat(get.status()).isEqualTo(200);
    assertThat(delete.status()).isEqualTo(202);
  }

  @Test
  void refusesOtherContentTypesWith415() {
    Response response =
        api.send(
            "POST",
            SECRETS,
            editor,
            createBody("typed", dockerConfig("r.io", "u", "p")),
            "Content-Type",
            "text/plain");

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.errorCode()).isEqualTo("UnsupportedMediaType");
  }

  @Test
  void refusesBodiesOver64KibWith413() {
    String huge =
        "{\"name\":\"big\",\"data\":{\".dockerconfigjson\":\"" + "x".repeat(70_000) + "\"}}";

    Response response = api.post(SECRETS, editor, huge);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("PayloadTooLarge");
  }

  @Test
  void answersContainerLevelErrorsWithTheErrorBody() {
    Response encodedSlash = api.get(SECRETS + "/a%2Fb", editor);
    Response noRoute = api.get("/v2/admin/unknown", editor);
    Response wrongMethod = api.send("PUT", SECRETS + "/x1", editor, "{}");

    assertThat(encodedSlash.status()).isEqualTo(400);
    assertThat(encodedSlash.errorCode()).isEqualTo("BadRequest");
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(noRoute.errorCode()).isEqualTo("NotFound");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo("MethodNotAllowed");
  }

  @Test
  void routesPercentEncodedPathsAsTheirDecodedForm() {
    create("routed");

    Response encodedLiteral = api.get("/v2/admin/docker%52egistrySecrets/routed", editor);
    Response encodedName = api.get(SECRETS + "/rou%74ed", editor);

    assertThat(encodedLiteral.status()).isEqualTo(200);
    assertThat(encodedLiteral.json().get("name").asString()).isEqualTo("routed");
    assertThat(encodedName.status()).isEqualTo(200);
    assertThat(encodedName.json().get("name").asString()).isEqualTo("routed");
  }

  @Test
  void servesAnOpenApiDocumentOfTheCalls() {
    Response document = api.get("/v3/api-docs", editor);

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().get("paths").has(SECRETS)).isTrue();
    assertThat(document.json().get("paths").has("/v2/admin/resourceQuota/dockerRegistrySecrets"))
        .isTrue();
    assertThat(document.body()).doesNotContain("\"caller\"");
  }

  private void create(String name) {
    Response response =
        api.post(
            SECRETS, editor, createBody(name, dockerConfig("r.example.com", "user", "pw-" + name)));
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }

  private static List<String> names(Response list) {
    List<String> names = new ArrayList<>();
    list.json().get("resources").forEach(node -> names.add(node.get("name").asString()));
    return names;
  }

  /** JSON string quoting for hand-written bodies. */
  static final class ApiClientJson {
    static String quote(String value) {
      return org.registrysecrets.server.support.ApiClient.JSON.writeValueAsString(value);
    }
  }
}

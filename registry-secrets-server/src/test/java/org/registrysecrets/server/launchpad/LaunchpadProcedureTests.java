package org.registrysecrets.server.launchpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.ServiceKeys;
import org.registrysecrets.server.support.Browser;
import org.registrysecrets.server.support.LaunchpadPage;
import org.registrysecrets.server.support.ScreenshotOnFailure;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SAP AI Launchpad's documented procedures, walked in a real browser against the real server:
 * choose the connection, add a secret by pasting and by uploading, edit it, remove it; viewers and
 * a second connection to another tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ScreenshotOnFailure.class)
class LaunchpadProcedureTests implements ScreenshotOnFailure.WithBrowser {

  private static final Path DATA_DIR = TestData.newDataDir("launchpad");
  private static final String ADMIN_PASSWORD = "launchpad-admin-password";
  private static Browser browser;

  @LocalServerPort int port;
  private LaunchpadPage page;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> ADMIN_PASSWORD);
    registry.add("regsecrets.webhooks.allowed-hosts", () -> "127.0.0.1");
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  @Override
  public Browser browser() {
    return browser;
  }

  @BeforeEach
  void loggedOut() {
    page = new LaunchpadPage(browser, port);
    browser.open(page.url("/login"));
    browser.driver().manage().deleteAllCookies();
  }

  @Test
  void addsEditsAndRemovesSecretsTheDocumentedWay() throws Exception {
    String pasted = TestData.uniqueName("pasted");
    String uploaded = TestData.uniqueName("uploaded");
    page.login("admin", ADMIN_PASSWORD);

    // In the Workspaces app, choose the AI API connection
    page.chooseWorkspace("local");
    assertThat(page.heading()).startsWith("AI API Connections (");

    // Open AI Core Administration > Docker Registry Secrets
    page.navigate("Docker Registry Secrets");
    int before = page.count();

    // Add a secret by pasting; the name is checked as it is typed
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    WebElement name = page.inDialog("secret-name");
    browser.type(name, "Bad_Name");
    browser.until(d -> "Negative".equals(name.getDomProperty("valueState")));
    assertThat(browser.driver().findElement(By.id("name-hint")).getDomProperty("textContent"))
        .contains("Uppercase letters are not allowed");
    browser.clear(name);
    browser.type(name, pasted);
    browser.until(d -> "Positive".equals(name.getDomProperty("valueState")));
    assertThat(browser.driver().findElement(By.id("name-hint")).getDomProperty("textContent"))
        .isEqualTo("The name is valid and free.");
    browser.type(
        page.inDialog("secret-value"),
        TestData.dockerConfig("ghcr.io", "bot", "pasted-Password-1"));
    browser.screenshot("add-dialog");
    page.withoutRegistryCheck();
    page.button(page.dialog(), "Add").click();
    page.dialogClosed();
    page.awaitMessage(pasted + " added");
    page.awaitTile(pasted);
    assertThat(page.count()).isEqualTo(before + 1);
    assertThat(page.tile(pasted).getDomAttribute("accessible-name")).isEqualTo(pasted);
    assertThat(page.tile(pasted).getText()).contains("Last modified");
    assertThat(
            page.tile(pasted)
                .findElement(By.tagName("ui5-card-header"))
                .getDomAttribute("subtitle-text"))
        .isEqualTo("ghcr.io");
    assertThat(browser.driver().getPageSource()).doesNotContain("pasted-Password-1");
    // the name is taken now
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-name"), pasted);
    browser.until(
        d ->
            String.valueOf(d.findElement(By.id("name-hint")).getDomProperty("textContent"))
                .contains("already used by another secret"));
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();

    // Add a secret by uploading a file
    Path file = Files.createTempFile("secret-", ".json");
    Files.writeString(file, TestData.dockerConfig("quay.io", "robot", "uploaded-Password-2"));
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-name"), uploaded);
    browser.field(page.inDialog("secret-upload")).sendKeys(file.toString());
    // The optional expiry: three days ahead, so the tile warns
    browser.js(
        "arguments[0].value = arguments[1]",
        page.inDialog("secret-expires"),
        LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
    page.withoutRegistryCheck();
    browser.until(d -> !browser.value(page.inDialog("secret-value")).isEmpty());
    assertThat(browser.value(page.inDialog("secret-value"))).contains("quay.io");
    page.button(page.dialog(), "Add").click();
    page.dialogClosed();
    page.awaitTile(uploaded);
    assertThat(page.count()).isEqualTo(before + 2);
    WebElement expiry = page.tile(uploaded).findElement(By.cssSelector("[data-expiry]"));
    assertThat(expiry.getDomAttribute("data-expiry")).isEqualTo("expiring");
    assertThat(LaunchpadPage.text(expiry)).startsWith("Expires");
    browser.screenshot("secrets-tiles");

    // A file over 10 KB is refused and the field stays as it was
    Path big = Files.createTempFile("big-", ".json");
    Files.writeString(big, "x".repeat(11 * 1024));
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-value"), "typed by hand");
    browser.field(page.inDialog("secret-upload")).sendKeys(big.toString());
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("secret-upload-error"), "Files larger than 10 KB can't be uploaded."));
    assertThat(browser.value(page.inDialog("secret-value"))).isEqualTo("typed by hand");

    // The API's errors appear once inside the dialog, which keeps what the user typed; the
    // code and request id wait in a detail
    browser.type(page.inDialog("secret-name"), pasted);
    page.withoutRegistryCheck();
    page.button(page.dialog(), "Add").click();
    page.awaitDialogMessage("is neither JSON nor base64");
    browser.until(
        d -> "Negative".equals(page.inDialog("secret-value").getDomProperty("valueState")));
    assertThat(page.dialog().findElements(By.cssSelector("[data-testid=dialog-error]"))).hasSize(1);
    assertThat(page.dialog().getText()).doesNotContain("(400 BadRequest)");
    browser.clear(page.inDialog("secret-value"));
    browser.type(page.inDialog("secret-value"), TestData.dockerConfig("r.io", "u", "p-3"));
    page.button(page.dialog(), "Add").click();
    page.awaitDialogMessage("already exists");
    assertThat(page.dialog().getText()).doesNotContain("(409");
    assertThat(page.dialog().findElement(By.tagName("ui5-panel")).getDomProperty("textContent"))
        .contains("HTTP 409", "request id");
    assertThat(browser.value(page.inDialog("secret-name"))).isEqualTo(pasted);
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();

    // Edit: the name can't be changed and the Secret field starts empty
    page.openDialog(page.button(page.tile(pasted), "Edit"), "Edit Docker Registry Secret");
    WebElement fixedName = page.inDialog("secret-name");
    assertThat(browser.value(fixedName)).isEqualTo(pasted);
    assertThat(fixedName.getDomAttribute("readonly")).isNotNull();
    assertThat(browser.value(page.inDialog("secret-value"))).isEmpty();
    browser.type(
        page.inDialog("secret-value"),
        TestData.dockerConfig("ghcr.io", "bot", "edited-Password-4"));
    page.withoutRegistryCheck();
    page.button(page.dialog(), "Edit").click();
    page.dialogClosed();
    page.awaitMessage(pasted + " edited");
    assertThat(api().get(pasted).etag()).isEqualTo("\"2\"");

    // History: who changed the secret, when and how it ended; never data
    page.openDialog(
        page.namedButton(page.tile(pasted), "History of " + pasted), "History of " + pasted);
    assertThat(page.dialog().getText())
        .contains("admin (Launchpad)")
        .contains("modify")
        .contains("create")
        .contains("success")
        .doesNotContain("edited-Password-4");
    assertThat(page.dialog().findElements(By.cssSelector("ui5-table-row[data-version]")))
        .hasSize(2);
    browser.screenshot("history-dialog");
    browser.viewport(390, 844);
    browser.screenshot("history-dialog-phone");
    browser.viewport(1440, 900);
    // Restore the first version: it becomes version 3
    page.namedButton(page.dialog(), "Restore version 1").click();
    page.dialogClosed();
    page.awaitMessage(pasted + " restored to version 1");
    assertThat(api().get(pasted).etag()).isEqualTo("\"3\"");
    assertThat(api().versions(pasted).resources().get(0).fingerprint())
        .isEqualTo(api().versions(pasted).resources().get(2).fingerprint());

    // Remove
    page.openDialog(page.button(page.tile(pasted), "Remove"), "Remove Docker Registry Secret");
    assertThat(page.dialog().getText())
        .contains(pasted)
        .contains("Workflows and serving templates");
    page.button(page.dialog(), "Remove").click();
    page.dialogClosed();
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(LaunchpadPage.tileLocator(pasted)));
    assertThat(page.count()).isEqualTo(before + 1);
    assertThat(browser.driver().getPageSource())
        .doesNotContain("pasted-Password-1")
        .doesNotContain("uploaded-Password-2")
        .doesNotContain("edited-Password-4");
  }

  @Test
  void viewersSeeTheTilesWithoutActionsAndTheServerRefusesTheirChanges() {
    String secret = TestData.uniqueName("viewed");
    String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
    api()
        .create(
            secret,
            TestData.dockerConfig("r.io", "u", "viewer-test-pw"),
            false,
            Map.of(RegistrySecretsClient.EVERY_REGISTRY, Instant.now().minusSeconds(3600)));

    page.login("admin", ADMIN_PASSWORD);
    page.navigate("Users");
    browser.type(browser.find(By.id("new-username")), viewer);
    browser.type(browser.find(By.id("new-password")), "initial-password-1");
    browser.find(By.id("new-connections_viewer")).click();
    browser.find(By.id("new-aicore_admin_dockerregistrysecret_viewer")).click();
    assertThat(browser.find(By.id("new-connections_viewer")).getDomAttribute("text"))
        .startsWith("Connections viewer");
    page.button(null, "Add user").click();
    page.awaitMessage("User " + viewer + " added");
    page.logout();

    // First login: the password set by the administrator must be changed
    page.login(viewer, "initial-password-1");
    browser.until(ExpectedConditions.urlContains("/launchpad/account/password"));
    browser.type(browser.find(By.id("current")), "initial-password-1");
    browser.type(browser.find(By.id("new-password")), "viewer-own-password");
    browser.type(browser.find(By.id("repeat")), "viewer-own-password");
    page.button(null, "Change password").click();
    browser.until(ExpectedConditions.urlContains("/launchpad/secrets"));

    page.awaitTile(secret);
    assertThat(browser.driver().findElements(By.id("add-secret"))).isEmpty();
    assertThat(LaunchpadPage.text(page.tile(secret).findElement(By.cssSelector("[data-expiry]"))))
        .startsWith("Expired");
    // Reading actions only: a viewer may ask whether an image can be pulled
    assertThat(page.tile(secret).findElements(By.tagName("ui5-button")))
        .extracting(WebElement::getText)
        .containsExactly("Check an image");
    page.openDialog(page.button(page.tile(secret), "Check an image"), "Check an Image");
    browser.type(page.inDialog("pull-check-images"), "python:3.12\nquay.io/team/x:1");
    page.button(page.dialog(), "Check").click();
    browser.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-image='python:3.12'][data-status='no-credentials']")));
    browser.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-image='quay.io/team/x:1'][data-status='no-credentials']")));
    browser.screenshot("pull-check-dialog");
    assertThat(browser.driver().getPageSource()).doesNotContain("viewer-test-pw");
    page.button(page.dialog(), "Close").click();
    page.dialogClosed();
    assertThat(page.hasNavigationEntry("Users")).isFalse();

    // A forged request with a valid session and CSRF token is still refused
    Object status =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const token = document.querySelector('meta[name=\"_csrf\"]').content;"
                    + "const header = document.querySelector('meta[name=\"_csrf_header\"]').content;"
                    + "fetch('/launchpad/secrets/"
                    + secret
                    + "/remove', {method: 'POST', headers: {[header]: token}})"
                    + ".then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    assertThat(api().get(secret).value().name()).isEqualTo(secret);
  }

  @Test
  void aSecondConnectionToAnotherTenantShowsItsOwnSecrets() throws Exception {
    String tenant = "other-" + UUID.randomUUID().toString().substring(0, 8);
    String connection = "other-" + UUID.randomUUID().toString().substring(0, 6);
    ServiceKey key =
        RegistrySecretsClient.create(TestData.bootstrapKey(DATA_DIR))
            .createServiceKey(tenant, "editor", "browser test");
    RegistrySecretsClient.create(key)
        .create("only-in-other", TestData.dockerConfig("r.io", "u", "other-pw"));
    Path keyFile = Files.createTempFile("service-key-", ".json");
    Files.writeString(keyFile, ServiceKeys.toJson(key));

    page.login("admin", ADMIN_PASSWORD);
    page.navigate("Workspaces");

    // A wrong client secret: saving tests the connection and says what failed
    page.openDialog(page.button(null, "Add"), "Create AI API Connection");
    browser.field(page.inDialog("connection-key-file")).sendKeys(keyFile.toString());
    browser.until(d -> key.clientid().equals(browser.value(page.inDialog("connection-client-id"))));
    browser.type(page.inDialog("connection-name"), connection);
    WebElement secretField = page.inDialog("connection-client-secret");
    assertThat(secretField.getDomProperty("type")).isEqualTo("Password");
    page.dialog().findElement(By.cssSelector("[data-toggle-visibility]")).click();
    assertThat(secretField.getDomProperty("type")).isEqualTo("Text");
    browser.type(secretField, "-wrong");
    page.button(page.dialog(), "Create").click();
    page.awaitDialogMessage("refused");

    // The right one
    browser.clear(secretField);
    browser.type(secretField, key.clientsecret());
    page.button(page.dialog(), "Create").click();
    page.dialogClosed();
    page.chooseWorkspace(connection);
    assertThat(page.heading()).startsWith("AI API Connections (");
    assertThat(page.count()).isGreaterThanOrEqualTo(2);
    browser.screenshot("workspaces");
    assertThat(browser.driver().getPageSource()).doesNotContain(key.clientsecret());

    page.navigate("Docker Registry Secrets");
    page.awaitTile("only-in-other");
    assertThat(page.count()).isEqualTo(1);

    // Back to local: the other tenant's secret is not there
    page.chooseWorkspace("local");
    page.navigate("Docker Registry Secrets");
    assertThat(browser.driver().findElements(LaunchpadPage.tileLocator("only-in-other"))).isEmpty();
  }

  @Test
  void routesAlertsToWebhooksAndSchedulesRechecks() {
    String rechecked = TestData.uniqueName("rechecked");
    String hookSecret = "launchpad-hook-secret-77";
    page.login("admin", ADMIN_PASSWORD);
    page.chooseWorkspace("local");

    // A secret that the server re-checks every day
    page.navigate("Docker Registry Secrets");
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-name"), rechecked);
    browser.type(
        page.inDialog("secret-value"),
        TestData.dockerConfig("ghcr.io", "bot", "rechecked-Password-5"));
    page.select(page.inDialog("secret-recheck"), "P1D");
    page.withoutRegistryCheck();
    page.button(page.dialog(), "Add").click();
    page.dialogClosed();
    page.awaitTile(rechecked);
    WebElement badge = page.tile(rechecked).findElement(By.cssSelector("[data-recheck]"));
    assertThat(LaunchpadPage.text(badge)).isEqualTo("Re-checked every day");
    assertThat(badge.getDomAttribute("data-recheck")).isEqualTo("pending");
    browser.screenshot("recheck-tile");
    assertThat(api().get(rechecked).value().recheck().every()).isEqualTo("PT24H");
    page.openDialog(page.button(page.tile(rechecked), "Edit"), "Edit Docker Registry Secret");
    assertThat(LaunchpadPage.text(page.dialog())).contains("Now: re-checked every day.");
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();

    // Webhooks: a private address is refused inside the dialog, an allowed one is listed
    page.navigate("Webhooks");
    assertThat(page.heading()).isEqualTo("Webhooks (0)");
    page.openDialog(page.button(null, "Add"), "Add a Webhook");
    browser.type(page.inDialog("webhook-url"), "https://10.0.0.5/hook");
    browser.type(page.inDialog("webhook-secret"), hookSecret);
    page.button(page.dialog(), "Add").click();
    page.awaitDialogMessage("private network address");
    browser.clear(page.inDialog("webhook-url"));
    browser.type(page.inDialog("webhook-url"), "http://127.0.0.1:9/alerts");
    page.inDialog("event-0").click();
    browser.screenshot("webhook-dialog");
    page.button(page.dialog(), "Add").click();
    page.dialogClosed();
    By row = By.cssSelector("[data-webhook='http://127.0.0.1:9/alerts']");
    browser.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(browser.find(row).getText())
        .contains("Credentials expired")
        .contains("Scheduled re-check failed")
        .doesNotContain("expiring");
    assertThat(api().webhooks().resources()).hasSize(1);
    browser.screenshot("webhooks");
    browser.viewport(390, 844);
    browser.screenshot("webhooks-phone");
    browser.viewport(1440, 900);

    page.openDialog(page.button(browser.find(row), "Deliveries"), "Deliveries");
    assertThat(page.dialog().getText()).contains("Nothing was sent to this webhook yet.");
    page.button(page.dialog(), "Close").click();
    page.dialogClosed();
    page.openDialog(page.namedButton(null, "Remove http://127.0.0.1:9/alerts"), "Remove Webhook");
    page.button(page.dialog(), "Remove").click();
    page.dialogClosed();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(row));
    assertThat(api().webhooks().resources()).isEmpty();
    assertThat(browser.driver().getPageSource())
        .doesNotContain(hookSecret)
        .doesNotContain("rechecked-Password-5");
  }

  private RegistrySecretsClient api() {
    return RegistrySecretsClient.create(TestData.bootstrapKey(DATA_DIR));
  }
}

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.ServiceKeys;
import org.registrysecrets.server.support.Browser;
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
    browser.open(url("/login"));
    browser.driver().manage().deleteAllCookies();
  }

  @Test
  void addsEditsAndRemovesSecretsTheDocumentedWay() throws Exception {
    String pasted = TestData.uniqueName("pasted");
    String uploaded = TestData.uniqueName("uploaded");
    login("admin", ADMIN_PASSWORD);

    // In the Workspaces app, choose the AI API connection
    navigate("Workspaces");
    assertThat(heading()).startsWith("AI API Connections (");
    browser.find(By.cssSelector("button[aria-label='Choose local']")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), "Workspace local selected."));
    assertThat(browser.find(By.cssSelector("[data-testid=current-connection]")).getText())
        .contains("local");

    // Open AI Core Administration > Docker Registry Secrets
    navigate("Docker Registry Secrets");
    int before = count();

    // Add a secret by pasting
    openDialog(button(null, "Add"), "Add a Docker Registry Secret");
    WebElement name = dialog().findElement(By.id("secret-name"));
    name.sendKeys("Bad_Name");
    browser.until(ExpectedConditions.attributeContains(By.id("name-hint"), "class", "lp-error"));
    name.clear();
    name.sendKeys(pasted);
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("name-hint"), "The name is valid."));
    dialog()
        .findElement(By.id("secret-value"))
        .sendKeys(TestData.dockerConfig("ghcr.io", "bot", "pasted-Password-1"));
    browser.screenshot("add-dialog");
    withoutRegistryCheck();
    button(dialog(), "Add").click();
    dialogClosed();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), pasted + " added"));
    awaitTile(pasted);
    assertThat(count()).isEqualTo(before + 1);
    assertThat(tile(pasted).getText()).contains("ghcr.io").contains("Last modified");
    assertThat(browser.driver().getPageSource()).doesNotContain("pasted-Password-1");

    // Add a secret by uploading a file
    Path file = Files.createTempFile("secret-", ".json");
    Files.writeString(file, TestData.dockerConfig("quay.io", "robot", "uploaded-Password-2"));
    openDialog(button(null, "Add"), "Add a Docker Registry Secret");
    dialog().findElement(By.id("secret-name")).sendKeys(uploaded);
    dialog().findElement(By.id("secret-upload")).sendKeys(file.toString());
    // The optional expiry: three days ahead, so the tile warns
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1]",
            dialog().findElement(By.id("secret-expires")),
            LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
    withoutRegistryCheck();
    browser.until(d -> !d.findElement(By.id("secret-value")).getDomProperty("value").isEmpty());
    assertThat(dialog().findElement(By.id("secret-value")).getDomProperty("value"))
        .contains("quay.io");
    button(dialog(), "Add").click();
    dialogClosed();
    awaitTile(uploaded);
    assertThat(count()).isEqualTo(before + 2);
    assertThat(
            tile(uploaded)
                .findElement(By.cssSelector("[data-expiry]"))
                .getDomAttribute("data-expiry"))
        .isEqualTo("expiring");
    assertThat(tile(uploaded).getText()).contains("Expires");
    browser.screenshot("secrets-tiles");

    // A file over 10 KB is refused and the field stays as it was
    Path big = Files.createTempFile("big-", ".json");
    Files.writeString(big, "x".repeat(11 * 1024));
    openDialog(button(null, "Add"), "Add a Docker Registry Secret");
    dialog().findElement(By.id("secret-value")).sendKeys("typed by hand");
    dialog().findElement(By.id("secret-upload")).sendKeys(big.toString());
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("secret-upload-error"), "Files larger than 10 KB can't be uploaded."));
    assertThat(dialog().findElement(By.id("secret-value")).getDomProperty("value"))
        .isEqualTo("typed by hand");

    // The registry check runs by default and its result appears in the dialog
    dialog().findElement(By.id("secret-name")).sendKeys(TestData.uniqueName("checked"));
    dialog().findElement(By.id("secret-value")).clear();
    dialog()
        .findElement(By.id("secret-value"))
        .sendKeys(TestData.dockerConfig("127.0.0.1:9", "u", "p-9"));
    assertThat(dialog().findElement(By.id("secret-verify")).isSelected()).isTrue();
    button(dialog(), "Add").click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("secret-dialog-messages"), "127.0.0.1:9 is unreachable"));
    dialog().findElement(By.id("secret-name")).clear();
    dialog().findElement(By.id("secret-value")).clear();
    dialog().findElement(By.id("secret-value")).sendKeys("typed by hand");
    withoutRegistryCheck();

    // The API's errors appear inside the dialog, which keeps what the user typed
    dialog().findElement(By.id("secret-name")).sendKeys(pasted);
    button(dialog(), "Add").click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("secret-dialog-messages"), "is neither JSON nor base64"));
    dialog().findElement(By.id("secret-value")).clear();
    dialog().findElement(By.id("secret-value")).sendKeys(TestData.dockerConfig("r.io", "u", "p-3"));
    button(dialog(), "Add").click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("secret-dialog-messages"), "already exists"));
    assertThat(dialog().findElement(By.id("secret-name")).getDomProperty("value"))
        .isEqualTo(pasted);
    button(dialog(), "Cancel").click();
    dialogClosed();

    // Edit: the name can't be changed and the Secret field starts empty
    openDialog(button(tile(pasted), "Edit"), "Edit Docker Registry Secret");
    WebElement fixedName = dialog().findElement(By.id("secret-name"));
    assertThat(fixedName.getDomProperty("value")).isEqualTo(pasted);
    assertThat(fixedName.getDomAttribute("readonly")).isNotNull();
    assertThat(dialog().findElement(By.id("secret-value")).getDomProperty("value")).isEmpty();
    dialog()
        .findElement(By.id("secret-value"))
        .sendKeys(TestData.dockerConfig("ghcr.io", "bot", "edited-Password-4"));
    withoutRegistryCheck();
    button(dialog(), "Edit").click();
    dialogClosed();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), pasted + " edited"));
    assertThat(api().get(pasted).etag()).isEqualTo("\"2\"");

    // History: who changed the secret, when and how it ended; never data
    openDialog(button(tile(pasted), "History"), "History of " + pasted);
    assertThat(dialog().getText())
        .contains("admin (Launchpad)")
        .contains("modify")
        .contains("create")
        .contains("success")
        .doesNotContain("edited-Password-4");
    assertThat(dialog().findElements(By.cssSelector("tr[data-version]"))).hasSize(2);
    browser.screenshot("history-dialog");
    Dimension desktop = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.screenshot("history-dialog-phone");
    browser.driver().manage().window().setSize(desktop);
    // Restore the first version: it becomes version 3
    dialog().findElement(By.cssSelector("button[aria-label='Restore version 1']")).click();
    dialogClosed();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), pasted + " restored to version 1"));
    assertThat(api().get(pasted).etag()).isEqualTo("\"3\"");
    assertThat(api().versions(pasted).resources().get(0).fingerprint())
        .isEqualTo(api().versions(pasted).resources().get(2).fingerprint());

    // Remove
    openDialog(button(tile(pasted), "Remove"), "Remove Docker Registry Secret");
    assertThat(dialog().getText()).contains(pasted).contains("Workflows and serving templates");
    button(dialog(), "Remove").click();
    dialogClosed();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(tileLocator(pasted)));
    assertThat(count()).isEqualTo(before + 1);
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

    login("admin", ADMIN_PASSWORD);
    navigate("Users");
    browser.find(By.id("new-username")).sendKeys(viewer);
    browser.find(By.id("new-password")).sendKeys("initial-password-1");
    browser.find(By.cssSelector("label[for='new-connections_viewer']")).click();
    browser
        .find(By.cssSelector("label[for='new-aicore_admin_dockerregistrysecret_viewer']"))
        .click();
    button(null, "Add user").click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), "User " + viewer + " added"));
    button(null, "Log out").click();

    // First login: the password set by the administrator must be changed
    login(viewer, "initial-password-1");
    browser.until(ExpectedConditions.urlContains("/launchpad/account/password"));
    browser.find(By.id("current")).sendKeys("initial-password-1");
    browser.find(By.id("new-password")).sendKeys("viewer-own-password");
    browser.find(By.id("repeat")).sendKeys("viewer-own-password");
    button(null, "Change password").click();
    browser.until(ExpectedConditions.urlContains("/launchpad/secrets"));

    awaitTile(secret);
    assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Add']")))
        .isEmpty();
    assertThat(tile(secret).findElement(By.cssSelector("[data-expiry]")).getText())
        .startsWith("Expired");
    // Reading actions only: a viewer may ask whether an image can be pulled
    assertThat(tile(secret).findElements(By.tagName("button")))
        .extracting(WebElement::getText)
        .containsExactly("Check an image");
    openDialog(button(tile(secret), "Check an image"), "Check an Image");
    dialog().findElement(By.id("pull-check-images")).sendKeys("python:3.12\nquay.io/team/x:1");
    button(dialog(), "Check").click();
    browser.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-image='python:3.12'][data-status='no-credentials']")));
    browser.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-image='quay.io/team/x:1'][data-status='no-credentials']")));
    browser.screenshot("pull-check-dialog");
    assertThat(browser.driver().getPageSource()).doesNotContain("viewer-test-pw");
    button(dialog(), "Close").click();
    dialogClosed();
    assertThat(browser.driver().findElements(By.linkText("Users"))).isEmpty();

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

    login("admin", ADMIN_PASSWORD);
    navigate("Workspaces");

    // A wrong client secret: saving tests the connection and says what failed
    openDialog(button(null, "Add"), "Create AI API Connection");
    dialog().findElement(By.id("connection-key-file")).sendKeys(keyFile.toString());
    browser.until(
        d ->
            key.clientid()
                .equals(d.findElement(By.id("connection-client-id")).getDomProperty("value")));
    dialog().findElement(By.id("connection-name")).sendKeys(connection);
    WebElement secretField = dialog().findElement(By.id("connection-client-secret"));
    assertThat(secretField.getDomAttribute("type")).isEqualTo("password");
    button(dialog(), "Show").click();
    assertThat(secretField.getDomProperty("type")).isEqualTo("text");
    secretField.sendKeys("-wrong");
    button(dialog(), "Create").click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("connection-dialog-messages"), "refused"));

    // The right one
    secretField.clear();
    secretField.sendKeys(key.clientsecret());
    button(dialog(), "Create").click();
    dialogClosed();
    browser.find(By.cssSelector("button[aria-label='Choose " + connection + "']")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), "Workspace " + connection + " selected."));
    assertThat(heading()).startsWith("AI API Connections (");
    assertThat(count()).isGreaterThanOrEqualTo(2);
    browser.screenshot("workspaces");
    assertThat(browser.driver().getPageSource()).doesNotContain(key.clientsecret());

    navigate("Docker Registry Secrets");
    awaitTile("only-in-other");
    assertThat(count()).isEqualTo(1);

    // Back to local: the other tenant's secret is not there
    navigate("Workspaces");
    browser.find(By.cssSelector("button[aria-label='Choose local']")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), "Workspace local selected."));
    navigate("Docker Registry Secrets");
    assertThat(browser.driver().findElements(tileLocator("only-in-other"))).isEmpty();
  }

  @Test
  void routesAlertsToWebhooksAndSchedulesRechecks() {
    String rechecked = TestData.uniqueName("rechecked");
    String hookSecret = "launchpad-hook-secret-77";
    login("admin", ADMIN_PASSWORD);
    navigate("Workspaces");
    browser.find(By.cssSelector("button[aria-label='Choose local']")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-strip"), "Workspace local selected."));

    // A secret that the server re-checks every day
    navigate("Docker Registry Secrets");
    openDialog(button(null, "Add"), "Add a Docker Registry Secret");
    dialog().findElement(By.id("secret-name")).sendKeys(rechecked);
    dialog()
        .findElement(By.id("secret-value"))
        .sendKeys(TestData.dockerConfig("ghcr.io", "bot", "rechecked-Password-5"));
    new Select(dialog().findElement(By.id("secret-recheck"))).selectByVisibleText("Every day");
    withoutRegistryCheck();
    button(dialog(), "Add").click();
    dialogClosed();
    awaitTile(rechecked);
    WebElement badge = tile(rechecked).findElement(By.cssSelector("[data-recheck]"));
    assertThat(badge.getText()).isEqualTo("Re-checked every day");
    assertThat(badge.getDomAttribute("data-recheck")).isEqualTo("pending");
    browser.screenshot("recheck-tile");
    assertThat(api().get(rechecked).value().recheck().every()).isEqualTo("PT24H");
    openDialog(button(tile(rechecked), "Edit"), "Edit Docker Registry Secret");
    assertThat(dialog().getText()).contains("Now: re-checked every day.");
    button(dialog(), "Cancel").click();
    dialogClosed();

    // Webhooks: a private address is refused inside the dialog, an allowed one is listed
    navigate("Webhooks");
    assertThat(browser.find(By.cssSelector("#webhook-rows h1")).getText())
        .isEqualTo("Webhooks (0)");
    openDialog(button(null, "Add"), "Add a Webhook");
    dialog().findElement(By.id("webhook-url")).sendKeys("https://10.0.0.5/hook");
    dialog().findElement(By.id("webhook-secret")).sendKeys(hookSecret);
    button(dialog(), "Add").click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("webhook-dialog-messages"), "private network address"));
    dialog().findElement(By.id("webhook-url")).clear();
    dialog().findElement(By.id("webhook-url")).sendKeys("http://127.0.0.1:9/alerts");
    dialog().findElement(By.cssSelector("label[for=event-0]")).click();
    browser.screenshot("webhook-dialog");
    button(dialog(), "Add").click();
    dialogClosed();
    browser.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[data-webhook='http://127.0.0.1:9/alerts']")));
    WebElement row = browser.find(By.cssSelector("[data-webhook='http://127.0.0.1:9/alerts']"));
    assertThat(row.getText())
        .contains("Credentials expired")
        .contains("Scheduled re-check failed")
        .doesNotContain("expiring");
    assertThat(api().webhooks().resources()).hasSize(1);
    browser.screenshot("webhooks");
    Dimension desktop = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.screenshot("webhooks-phone");
    browser.driver().manage().window().setSize(desktop);

    openDialog(button(row, "Deliveries"), "Deliveries");
    assertThat(dialog().getText()).contains("Nothing was sent to this webhook yet.");
    button(dialog(), "Close").click();
    dialogClosed();
    openDialog(
        browser.find(By.cssSelector("button[aria-label='Remove http://127.0.0.1:9/alerts']")),
        "Remove Webhook");
    button(dialog(), "Remove").click();
    dialogClosed();
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("[data-webhook='http://127.0.0.1:9/alerts']")));
    assertThat(api().webhooks().resources()).isEmpty();
    assertThat(browser.driver().getPageSource())
        .doesNotContain(hookSecret)
        .doesNotContain("rechecked-Password-5");
  }

  /** The tests' registries (ghcr.io, quay.io) are not reachable from here. */
  private void withoutRegistryCheck() {
    if (dialog().findElement(By.id("secret-verify")).isSelected()) {
      dialog().findElement(By.cssSelector("label[for=secret-verify]")).click();
    }
  }

  private void login(String username, String password) {
    browser.open(url("/login"));
    browser.find(By.id("username")).sendKeys(username);
    browser.find(By.id("password")).sendKeys(password);
    button(null, "Log in").click();
    browser.until(ExpectedConditions.urlContains("/launchpad"));
  }

  private void navigate(String link) {
    browser
        .find(By.cssSelector("nav[aria-label=Navigation]"))
        .findElement(By.linkText(link))
        .click();
    browser.until(ExpectedConditions.attributeToBe(By.linkText(link), "aria-current", "page"));
  }

  private String heading() {
    return browser.find(By.cssSelector("#tiles h1")).getText();
  }

  private int count() {
    String heading = heading();
    return Integer.parseInt(
        heading.substring(heading.lastIndexOf('(') + 1, heading.lastIndexOf(')')));
  }

  private WebElement button(WebElement scope, String text) {
    By by = By.xpath(".//button[normalize-space(.)='" + text + "']");
    return scope == null
        ? browser.find(By.xpath("//button[normalize-space(.)='" + text + "']"))
        : scope.findElement(by);
  }

  private void openDialog(WebElement opener, String title) {
    opener.click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[role=dialog] h2"), title));
    String labelledBy = dialog().getDomAttribute("aria-labelledby");
    assertThat(browser.driver().findElement(By.id(labelledBy)).getText()).isEqualTo(title);
  }

  private WebElement dialog() {
    return browser.find(By.cssSelector("[role=dialog]"));
  }

  private void dialogClosed() {
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role=dialog]")));
  }

  private static By tileLocator(String name) {
    return By.cssSelector("[data-secret='" + name + "']");
  }

  private WebElement tile(String name) {
    return browser.find(tileLocator(name));
  }

  private void awaitTile(String name) {
    browser.until(ExpectedConditions.visibilityOfElementLocated(tileLocator(name)));
  }

  private RegistrySecretsClient api() {
    return RegistrySecretsClient.create(TestData.bootstrapKey(DATA_DIR));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}

package org.registrysecrets.server.launchpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.server.support.Browser;
import org.registrysecrets.server.support.CloudStandIn;
import org.registrysecrets.server.support.DockerRegistryProcess;
import org.registrysecrets.server.support.LaunchpadPage;
import org.registrysecrets.server.support.ScreenshotOnFailure;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.support.TlsMaterial;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Launchpad as SAP's UI5 Web Components draw it: the documented *Add* procedure with its
 * default settings where no registry can be reached, a registry that refuses (*Save anyway*), a
 * phone, the keyboard alone, axe-core on every page and dialog state, German, and a request log
 * that proves every asset comes from the server itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ScreenshotOnFailure.class)
class LaunchpadFioriTests implements ScreenshotOnFailure.WithBrowser {

  private static final Path DATA_DIR = TestData.newDataDir("launchpad-fiori");
  private static final String ADMIN_PASSWORD = "fiori-admin-password";
  private static final String NOWHERE = "registry.does-not-resolve.invalid";
  private static final TlsMaterial TLS = TlsMaterial.create();
  private static final DockerRegistryProcess REGISTRY = DockerRegistryProcess.start(TLS);
  private static final CloudStandIn CLOUD = new CloudStandIn(TLS);
  private static Browser browser;

  @LocalServerPort int port;
  private LaunchpadPage page;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> ADMIN_PASSWORD);
    registry.add("regsecrets.verify.allowed-hosts", () -> "127.0.0.1:" + REGISTRY.port());
    registry.add("regsecrets.verify.ca-file", () -> TLS.certificate().toString());
    registry.add("regsecrets.sources.github-api-url", () -> CLOUD.baseUrl() + "/github");
    registry.add("regsecrets.sources.ecr-endpoint", () -> CLOUD.baseUrl() + "/ecr");
    registry.add("regsecrets.sources.ca-file", () -> TLS.certificate().toString());
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    REGISTRY.close();
    CLOUD.close();
  }

  @Override
  public Browser browser() {
    return browser;
  }

  @BeforeEach
  void loggedIn() {
    page = new LaunchpadPage(browser, port);
    browser.viewport(1440, 900);
    browser.open(page.url("/login"));
    browser.driver().manage().deleteAllCookies();
    page.login("admin", ADMIN_PASSWORD);
    page.navigate("Docker Registry Secrets");
  }

  @Test
  void theDocumentedAddProcedureWorksAsWrittenWhereNoRegistryAnswers() {
    String name = TestData.uniqueName("documented");

    // SAP's procedure: Add, Name, Secret, Add; every other setting as it comes
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    assertThat(page.inDialog("secret-verify").getDomProperty("checked")).isEqualTo("true");
    browser.type(page.inDialog("secret-name"), name);
    browser.type(
        page.inDialog("secret-value"), TestData.dockerConfig(NOWHERE, "bot", "Doc-Pass-1"));
    page.button(page.dialog(), "Add").click();

    page.dialogClosed();
    page.awaitMessage("Docker registry secret " + name + " added.");
    page.awaitMessage(NOWHERE + " was inconclusive (unreachable");
    page.awaitTile(name);
    assertThat(page.tile(name).findElements(By.cssSelector("[data-testid=check-warning]")))
        .hasSize(1);
    assertThat(api().get(name).value().verification().results().get(0).status())
        .isEqualTo("unreachable");
    assertThat(browser.driver().getPageSource()).doesNotContain("Doc-Pass-1");
  }

  @Test
  void aRegistryThatRefusesTheCredentialsStopsTheSaveUntilSaveAnyway() {
    String name = TestData.uniqueName("refused");
    String host = REGISTRY.host();

    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-name"), name);
    browser.type(
        page.inDialog("secret-value"),
        TestData.dockerConfig(host, DockerRegistryProcess.USER, "Wrong-Password-3"));
    page.button(page.dialog(), "Add").click();
    page.awaitDialogMessage(host + " is invalid-credentials");
    assertThat(page.dialog().findElements(By.cssSelector("[data-testid=dialog-error]"))).hasSize(1);
    assertThat(api().list(null, null, true).resources())
        .noneMatch(secret -> secret.name().equals(name));
    browser.screenshot("add-dialog-refused");

    page.dialog().findElement(By.cssSelector("[data-testid=save-anyway]")).click();
    page.dialogClosed();
    page.awaitMessage("Docker registry secret " + name + " added.");
    page.awaitTile(name);

    // the right password: the check passes and says so
    page.openDialog(page.button(page.tile(name), "Edit"), "Edit Docker Registry Secret");
    browser.type(
        page.inDialog("secret-value"),
        TestData.dockerConfig(host, DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD));
    page.button(page.dialog(), "Edit").click();
    page.dialogClosed();
    page.awaitMessage("edited; the registry accepted the credentials.");
  }

  @Test
  void aCloudCredentialIsAddedThroughTheDialogAndItsRenewalsShowOnTheTile() throws Exception {
    String name = TestData.uniqueName("ghcr");
    String privateKey = CLOUD.gitHubAppPrivateKey();

    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    assertThat(page.inDialog("secret-value").isDisplayed()).isTrue();
    assertThat(page.inDialog("secret-gh-app").isDisplayed()).isFalse();
    browser.type(page.inDialog("secret-name"), name);
    // The keyboard alone changes the kind: Tab to it, then the arrow keys
    Actions keys = new Actions(browser.driver());
    keys.sendKeys(Keys.TAB).perform();
    browser.until(d -> "secret-kind".equals(browser.focused().getDomAttribute("id")));
    keys.sendKeys(Keys.ARROW_DOWN).perform();
    browser.until(d -> page.inDialog("secret-ecr-region").isDisplayed());
    assertThat(page.inDialog("secret-value").isDisplayed()).isFalse();
    page.select(page.inDialog("secret-kind"), "github-app");
    browser.until(d -> page.inDialog("secret-gh-app").isDisplayed());
    assertThat(page.inDialog("secret-value").isDisplayed()).isFalse();
    browser.type(page.inDialog("secret-gh-app"), "424242");
    browser.type(page.inDialog("secret-gh-installation"), "97531");
    browser.js("arguments[0].value = arguments[1]", page.inDialog("secret-gh-key"), privateKey);
    page.withoutRegistryCheck();
    List<String> violations = new ArrayList<>();
    check("add-dialog-github-app", violations);
    page.button(page.dialog(), "Add").click();

    page.dialogClosed();
    page.awaitMessage("Docker registry secret " + name + " added.");
    page.awaitTile(name);
    WebElement source = page.tile(name).findElement(By.cssSelector("[data-testid=source]"));
    assertThat(LaunchpadPage.text(source)).isEqualTo("Renewed from GitHub App");
    assertThat(
            page.tile(name)
                .findElement(By.tagName("ui5-card-header"))
                .getDomAttribute("subtitle-text"))
        .isEqualTo("ghcr.io");
    check("secrets-with-source", violations);
    assertThat(violations).isEmpty();

    // Edit opens on the secret's own kind, with every secret field empty
    page.openDialog(page.button(page.tile(name), "Edit"), "Edit Docker Registry Secret");
    assertThat(page.inDialog("secret-kind").getDomProperty("value")).isEqualTo("github-app");
    assertThat(page.inDialog("secret-gh-key").getDomProperty("value")).isEqualTo("");
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();

    // A refusing vendor: the dialog says so and nothing is stored
    CLOUD.refuse(true);
    try {
      String refused = TestData.uniqueName("refused-ecr");
      page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
      browser.type(page.inDialog("secret-name"), refused);
      page.select(page.inDialog("secret-kind"), "ecr");
      browser.type(page.inDialog("secret-ecr-region"), "eu-central-1");
      browser.type(page.inDialog("secret-ecr-key-id"), "AKIAFIORISTANDIN0001");
      browser.type(page.inDialog("secret-ecr-secret"), "Fiori-Aws-Secret-77");
      page.withoutRegistryCheck();
      page.button(page.dialog(), "Add").click();
      page.awaitDialogMessage("The security token included in the request is invalid.");
      browser.screenshot("add-dialog-ecr-refused");
      page.button(page.dialog(), "Cancel").click();
      page.dialogClosed();
      assertThat(api().list(null, null, true).resources())
          .noneMatch(secret -> secret.name().equals(refused));
    } finally {
      CLOUD.refuse(false);
    }
    String html = browser.driver().getPageSource();
    assertThat(html)
        .doesNotContain(privateKey.split("\n")[5])
        .doesNotContain("Fiori-Aws-Secret-77");
    for (String token : CLOUD.issued()) {
      assertThat(html).doesNotContain(token);
    }
  }

  @Test
  void onAPhoneEveryActionFitsAndCanBeTapped() {
    String name = TestData.uniqueName("phone");
    api().create(name, TestData.dockerConfig("ghcr.io", "bot", "Phone-Pass-1"));
    browser.viewport(390, 844);
    browser.open(page.url("/launchpad/secrets"));
    page.awaitTile(name);

    assertThat(noSidewaysScroll()).isTrue();
    for (WebElement button : browser.driver().findElements(By.cssSelector("main ui5-button"))) {
      assertThat(tappable(button)).as(button.getDomAttribute("accessible-name")).isTrue();
    }
    browser.screenshot("secrets-phone");

    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    WebElement add = page.button(page.dialog(), "Add");
    browser.until(d -> tappable(add));
    assertThat(bottom(add)).isLessThanOrEqualTo(844);
    assertThat(noSidewaysScroll()).isTrue();
    browser.type(page.inDialog("secret-name"), TestData.uniqueName("tapped"));
    browser.type(page.inDialog("secret-value"), TestData.dockerConfig("r.io", "u", "Tap-Pass-2"));
    page.withoutRegistryCheck();
    browser.screenshot("add-dialog-phone");
    add.click();
    page.dialogClosed();
    page.awaitMessage("added");
  }

  @Test
  void theKeyboardAloneOpensFillsLeavesAndSavesADialog() {
    String name = TestData.uniqueName("keyboard");
    Actions keys = new Actions(browser.driver());

    // Tab from the top of the page to Add, open it with Enter
    browser.js("document.activeElement.blur();");
    for (int i = 0; i < 40 && !"add-secret".equals(browser.focused().getDomAttribute("id")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.focused().getDomAttribute("id")).isEqualTo("add-secret");
    keys.sendKeys(Keys.ENTER).perform();
    page.awaitDialog("Add a Docker Registry Secret");
    browser.until(d -> "secret-name".equals(browser.focused().getDomAttribute("id")));

    // Tab stays inside the dialog, all the way round
    List<String> visited = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      keys.sendKeys(Keys.TAB).perform();
      assertThat(inDialog(browser.focused())).as("focus after %d tabs", i + 1).isTrue();
      visited.add(String.valueOf(browser.focused().getDomAttribute("id")));
    }
    assertThat(visited).contains("secret-value", "secret-verify", "secret-name");

    // Escape closes it; focus is back on Add
    keys.sendKeys(Keys.ESCAPE).perform();
    page.dialogClosed();
    assertThat(browser.focused().getDomAttribute("id")).isEqualTo("add-secret");

    // And again, this time saving with Enter on the dialog's Add
    keys.sendKeys(Keys.ENTER).perform();
    page.awaitDialog("Add a Docker Registry Secret");
    browser.until(d -> "secret-name".equals(browser.focused().getDomAttribute("id")));
    keys.sendKeys(name).perform();
    // The kind of credentials comes next, then the secret itself
    keys.sendKeys(Keys.TAB).perform();
    browser.until(d -> "secret-kind".equals(browser.focused().getDomAttribute("id")));
    keys.sendKeys(Keys.TAB).perform();
    browser.until(d -> "secret-value".equals(browser.focused().getDomAttribute("id")));
    keys.sendKeys(TestData.dockerConfig("r.io", "u", "Key-Pass-3")).perform();
    for (int i = 0; i < 20 && !"Add".equals(browser.focused().getText()); i++) {
      keys.sendKeys(Keys.TAB).perform();
      if ("secret-verify".equals(browser.focused().getDomAttribute("id"))) {
        keys.sendKeys(Keys.SPACE).perform(); // no registry answers here: no check
      }
    }
    keys.sendKeys(Keys.ENTER).perform();
    page.dialogClosed();
    page.awaitMessage(name + " added");
    assertThat(browser.focused().getDomAttribute("id")).isEqualTo("add-secret");
  }

  @Test
  void everyPageAndDialogStateHasNoAccessibilityViolationAndLoadsOnlyFromTheServer() {
    String name = TestData.uniqueName("axe");
    api().create(name, TestData.dockerConfig("ghcr.io", "bot", "Axe-Pass-1"));
    browser.requests();
    browser.consoleErrors();
    List<String> violations = new ArrayList<>();

    browser.open(page.url("/launchpad/secrets"));
    page.awaitTile(name);
    check("secrets", violations);
    // the filter: "(1 of N)", then a filter without a match says so
    WebElement filter = browser.find(By.id("filter"));
    browser.type(filter, name);
    browser.until(d -> page.heading().matches("Docker Registry Secrets \\(1 of \\d+\\)"));
    browser.type(filter, "-nothing-like-it");
    browser.find(By.cssSelector("[data-testid=no-match]"));
    assertThat(page.heading()).startsWith("Docker Registry Secrets (0 of ");
    check("no-match", violations);
    browser.clear(filter);
    page.awaitTile(name);
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-name"), "Not_Valid");
    browser.until(
        d -> "Negative".equals(page.inDialog("secret-name").getDomProperty("valueState")));
    check("add-dialog", violations);
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();
    page.openDialog(page.button(page.tile(name), "Edit"), "Edit Docker Registry Secret");
    check("edit-dialog", violations);
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();
    page.openDialog(page.button(page.tile(name), "Remove"), "Remove Docker Registry Secret");
    check("remove-dialog", violations);
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();
    page.openDialog(page.namedButton(page.tile(name), "History of " + name), "History of " + name);
    check("history-dialog", violations);
    page.button(page.dialog(), "Close").click();
    page.dialogClosed();
    page.openDialog(
        page.namedButton(page.tile(name), "Check an image with " + name), "Check an Image");
    check("pull-check-dialog", violations);
    page.button(page.dialog(), "Close").click();
    page.dialogClosed();
    page.navigate("Workspaces");
    check("workspaces", violations);
    page.openDialog(page.button(null, "Add"), "Create AI API Connection");
    check("connection-dialog", violations);
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();
    page.navigate("Webhooks");
    check("webhooks", violations);
    page.openDialog(page.button(null, "Add"), "Add a Webhook");
    check("webhook-dialog", violations);
    page.button(page.dialog(), "Cancel").click();
    page.dialogClosed();
    page.navigate("Users");
    check("users", violations);
    browser.open(page.url("/launchpad/account/password"));
    check("password", violations);
    browser.open(page.url("/launchpad/secrets/no-such-secret/edit"));
    assertThat(
            browser.find(By.cssSelector("[data-testid=error-page]")).getDomAttribute("data-status"))
        .isEqualTo("404");
    check("not-found", violations);
    page.logout();
    check("login", violations);

    assertThat(violations).isEmpty();
    List<String> requests = browser.requests();
    assertThat(requests).isNotEmpty();
    assertThat(requests)
        .filteredOn(request -> !request.contains(" data:") && !request.contains(" blob:"))
        .allSatisfy(request -> assertThat(request).contains(" " + page.origin() + "/"));
    assertThat(requests)
        .filteredOn(request -> request.contains("/assets/") || request.contains("favicon"))
        .allSatisfy(request -> assertThat(request).startsWith("200 "));
    assertThat(requests).anyMatch(request -> request.contains(".woff2"));
    // the one expected error: the 404 page's own status
    assertThat(browser.consoleErrors())
        .filteredOn(error -> !error.contains("/launchpad/secrets/no-such-secret/edit"))
        .isEmpty();
  }

  @Test
  void germanBrowsersGetTheLaunchpadInGerman() {
    try (Browser german = Browser.start("de-DE")) {
      LaunchpadPage deutsch = new LaunchpadPage(german, port);
      german.open(deutsch.url("/login"));
      german.type(german.find(By.id("username")), "admin");
      german.type(german.find(By.id("password")), ADMIN_PASSWORD);
      german.find(By.cssSelector("ui5-button[type=Submit]")).click();
      german.open(deutsch.url("/launchpad/secrets"));
      assertThat(deutsch.heading()).startsWith("Docker-Registry-Secrets (");
      assertThat(german.js("return document.documentElement.lang;")).isEqualTo("de");
      deutsch.openDialog(deutsch.button(null, "Hinzufügen"), "Docker-Registry-Secret hinzufügen");
      assertThat(deutsch.dialog().getText()).contains("Zugangsdaten bei der Registry prüfen");
      deutsch.button(deutsch.dialog(), "Abbrechen").click();
      deutsch.dialogClosed();
      german.screenshot("secrets-de");
    }
  }

  /** Runs axe-core and keeps screenshots at desktop and phone width. */
  private void check(String state, List<String> violations) {
    browser.until(d -> browser.js("return document.fonts.status;").equals("loaded"));
    browser
        .accessibilityViolations()
        .forEach(violation -> violations.add(state + ": " + violation));
    browser.screenshot("fiori-" + state);
    browser.viewport(390, 844);
    browser.screenshot("fiori-" + state + "-phone");
    browser.viewport(1440, 900);
  }

  private boolean tappable(WebElement element) {
    return Boolean.TRUE.equals(
        browser.js(
            "const r = arguments[0].getBoundingClientRect();"
                + "if (r.width < 24 || r.height < 24 || r.right > innerWidth) return false;"
                + "arguments[0].scrollIntoView({block: 'center'});"
                + "const s = arguments[0].getBoundingClientRect();"
                + "let hit = document.elementFromPoint(s.x + s.width / 2, s.y + s.height / 2);"
                + "while (hit && hit !== arguments[0]) hit = hit.parentNode || hit.host;"
                + "return hit === arguments[0];",
            element));
  }

  private boolean noSidewaysScroll() {
    return Boolean.TRUE.equals(
        browser.js(
            "return document.documentElement.scrollWidth"
                + " <= document.documentElement.clientWidth;"));
  }

  private long bottom(WebElement element) {
    return ((Number) browser.js("return arguments[0].getBoundingClientRect().bottom;", element))
        .longValue();
  }

  private boolean inDialog(WebElement element) {
    return Boolean.TRUE.equals(
        browser.js("return !!arguments[0].closest('#dialog ui5-dialog');", element));
  }

  private RegistrySecretsClient api() {
    return RegistrySecretsClient.create(TestData.bootstrapKey(DATA_DIR));
  }
}

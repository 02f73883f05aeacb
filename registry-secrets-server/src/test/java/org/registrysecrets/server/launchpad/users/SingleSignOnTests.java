package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.support.Browser;
import org.registrysecrets.server.support.LaunchpadPage;
import org.registrysecrets.server.support.ScreenshotOnFailure;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.tenant.TenantId;
import org.registrysecrets.testidp.TestOidcProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an OpenID Connect provider (a second Spring Authorization Server), in Chromium:
 * roles from the provider's groups, the person named in the audit trail with the provider as
 * origin, refusal of people without a role, clear pages when the sign-in fails, sessions that end
 * with the ID token, and logout at the provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ScreenshotOnFailure.class)
class SingleSignOnTests implements ScreenshotOnFailure.WithBrowser {

  private static final Path DATA_DIR = TestData.newDataDir("sso");
  private static final String ADMIN_PASSWORD = "sso-admin-password";
  private static TestOidcProvider provider;
  private static Browser browser;
  private LaunchpadPage page;

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry registry) {
    provider = TestOidcProvider.start();
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> ADMIN_PASSWORD);
    registry.add("regsecrets.launchpad.oidc.enabled", () -> "true");
    registry.add("regsecrets.launchpad.oidc.id", () -> "test-idp");
    registry.add("regsecrets.launchpad.oidc.display-name", () -> "Test IdP");
    registry.add("regsecrets.launchpad.oidc.issuer-uri", provider::issuer);
    registry.add("regsecrets.launchpad.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
    registry.add("regsecrets.launchpad.oidc.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
    registry.add(
        "regsecrets.launchpad.oidc.role-mapping.registry-editors",
        () -> "aicore_admin_dockerregistrysecret_editor,connections_viewer");
    registry.add(
        "regsecrets.launchpad.oidc.role-mapping.registry-viewers",
        () -> "aicore_admin_dockerregistrysecret_viewer");
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    browser.close();
    provider.close();
  }

  @Override
  public Browser browser() {
    return browser;
  }

  /** Signed out everywhere, and the provider knows this Launchpad with the right secret. */
  @BeforeEach
  void signedOut() {
    provider.registerLaunchpad(url(""), TestOidcProvider.CLIENT_SECRET);
    provider.idTokenLifetime(Duration.ofMinutes(30));
    browser.open(provider.issuer() + "/login");
    browser.driver().manage().deleteAllCookies();
    browser.open(url("/login"));
    browser.driver().manage().deleteAllCookies();
    page = new LaunchpadPage(browser, port);
  }

  @Test
  void anEditorsGroupSignsInAddsASecretAndIsNamedInTheAuditTrail() {
    String secret = TestData.uniqueName("sso");

    browser.open(url("/login"));
    browser.screenshot("sso-login");
    browser.viewport(390, 844);
    browser.screenshot("sso-login-phone");
    browser.viewport(1440, 900);
    signInWithProvider("erin");
    browser.until(ExpectedConditions.urlContains(url("/launchpad/secrets")));

    assertThat(shellText()).contains("erin").doesNotContain("Change password");
    // The session lives in the database, sealed: no name, no token ("eyJ") in its bytes
    List<byte[]> stored =
        jdbc.sql("select attribute_bytes from spring_session_attributes")
            .query(byte[].class)
            .list();
    assertThat(stored).isNotEmpty();
    assertThat(stored)
        .allSatisfy(
            bytes ->
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain("erin")
                    .doesNotContain("eyJ"));
    page.openDialog(page.button(null, "Add"), "Add a Docker Registry Secret");
    browser.type(page.inDialog("secret-name"), secret);
    browser.type(
        page.inDialog("secret-value"), TestData.dockerConfig("ghcr.io", "bot", "sso-Password-1"));
    page.withoutRegistryCheck();
    page.button(page.dialog(), "Add").click();
    browser.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[data-secret='" + secret + "']")));
    browser.screenshot("sso-signed-in");

    List<AuditEvent> events =
        audit.recent(TenantId.DEFAULT, 100).stream()
            .filter(event -> event.secretName().equals(secret))
            .toList();
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.actor()).isEqualTo("erin");
              assertThat(event.origin()).isEqualTo("test-idp");
              assertThat(event.outcome()).isEqualTo(AuditEvent.SUCCESS);
            });

    // Logout ends the Launchpad session and, through RP-initiated logout, the provider's
    page.logout();
    browser.open(url("/launchpad/secrets"));
    browser.until(ExpectedConditions.urlContains(url("/login")));
    page.button(null, "Sign in with Test IdP").click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.driver().getCurrentUrl()).startsWith(provider.issuer());
  }

  @Test
  void aViewersGroupSeesTheTilesWithoutActions() {
    signInWithProvider("vic");
    browser.until(ExpectedConditions.urlContains(url("/launchpad/secrets")));

    assertThat(shellText()).contains("vic");
    assertThat(page.heading()).startsWith("Docker Registry Secrets (");
    assertThat(browser.driver().findElements(By.xpath("//ui5-button[normalize-space(.)='Add']")))
        .isEmpty();
    assertThat(browser.driver().findElements(By.xpath("//ui5-button[normalize-space(.)='Edit']")))
        .isEmpty();
  }

  @Test
  void someoneWhoseGroupsMapToNoRoleIsToldSoAndNotLetIn() {
    signInWithProvider("nora");

    browser.until(ExpectedConditions.urlContains(url("/login?no-roles")));
    assertThat(browser.find(By.cssSelector("main")).getText())
        .contains("none of your groups gives you a role");
    browser.screenshot("sso-no-roles");
    browser.open(url("/launchpad/secrets"));
    browser.until(ExpectedConditions.urlContains(url("/login")));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("/launchpad");
  }

  @Test
  void aFailedSignInShowsAClearPageAndTheBuiltInLoginKeepsWorking() {
    provider.registerLaunchpad(url(""), "not-the-launchpads-secret");

    signInWithProvider("erin");

    browser.until(ExpectedConditions.urlContains(url("/login?sso-error")));
    String text = browser.find(By.cssSelector("main")).getText();
    assertThat(text).contains("Sign-in with Test IdP failed").doesNotContain("Exception");
    browser.type(browser.find(By.id("username")), "admin");
    browser.type(browser.find(By.id("password")), ADMIN_PASSWORD);
    page.button(null, "Log in").click();
    browser.until(ExpectedConditions.urlContains("/launchpad/"));
  }

  @Test
  void anExpiredSignInIsRenewedWithTheRefreshToken() throws Exception {
    provider.idTokenLifetime(Duration.ofSeconds(2));
    signInWithProvider("erin");
    browser.until(ExpectedConditions.urlContains(url("/launchpad/secrets")));

    Thread.sleep(3_000);
    browser.open(url("/launchpad/secrets"));

    assertThat(page.heading()).startsWith("Docker Registry Secrets (");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/launchpad/secrets"));
    assertThat(shellText()).contains("erin");
  }

  @Test
  void withoutARefreshTokenTheSessionEndsWithTheIdToken() throws Exception {
    provider.registerLaunchpad(url(""), TestOidcProvider.CLIENT_SECRET, false);
    provider.idTokenLifetime(Duration.ofSeconds(2));
    signInWithProvider("erin");
    browser.until(ExpectedConditions.urlContains(url("/launchpad/secrets")));

    Thread.sleep(3_000);
    browser.open(url("/launchpad/secrets"));

    browser.until(ExpectedConditions.urlContains(url("/login?expired")));
  }

  private void signInWithProvider(String user) {
    browser.open(url("/login"));
    page.button(null, "Sign in with Test IdP").click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.driver().getCurrentUrl()).startsWith(provider.issuer());
    browser.find(By.id("username")).sendKeys(user);
    browser.find(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
    browser.find(By.cssSelector("button[type=submit]")).click();
  }

  /** Who the shell bar names, and what its profile menu offers. */
  private String shellText() {
    return browser
            .find(By.cssSelector("ui5-shellbar ui5-avatar"))
            .getDomAttribute("accessible-name")
        + " "
        + LaunchpadPage.text(browser.driver().findElement(By.id("profile-menu")));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}

package org.registrysecrets.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Launchpad as a person sees it in the browser: SAP's UI5 Web Components (shell bar, side
 * navigation, cards, dialogs), found by what they show, not by how they are built.
 */
public final class LaunchpadPage {

  private final Browser browser;
  private final String origin;

  public LaunchpadPage(Browser browser, int port) {
    this.browser = browser;
    this.origin = "http://localhost:" + port;
  }

  public String url(String path) {
    return origin + path;
  }

  public String origin() {
    return origin;
  }

  public void login(String username, String password) {
    browser.open(url("/login"));
    browser.type(browser.find(By.id("username")), username);
    browser.type(browser.find(By.id("password")), password);
    button(null, "Log in").click();
    browser.until(ExpectedConditions.urlContains("/launchpad"));
  }

  public void logout() {
    browser.find(By.cssSelector("ui5-shellbar ui5-avatar")).click();
    browser
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//ui5-popover[@id='profile-menu']//ui5-button[normalize-space(.)='Log out']")))
        .click();
    browser.until(ExpectedConditions.urlContains("/login?logout"));
  }

  /** Follows an entry of the side navigation and waits for its page. */
  public void navigate(String text) {
    By item =
        By.cssSelector(
            "ui5-side-navigation-item[text='"
                + text
                + "'], ui5-side-navigation-sub-item[text='"
                + text
                + "']");
    browser.find(item).click();
    browser.until(d -> d.findElement(item).getDomAttribute("selected") != null);
  }

  public boolean hasNavigationEntry(String text) {
    return !browser
        .driver()
        .findElements(
            By.cssSelector(
                "ui5-side-navigation-item[text='"
                    + text
                    + "'], ui5-side-navigation-sub-item[text='"
                    + text
                    + "']"))
        .isEmpty();
  }

  /** The page's title, e.g. "Docker Registry Secrets (3)". */
  public String heading() {
    return browser.find(By.cssSelector("ui5-title[level=H1]")).getText();
  }

  /** The number in the page's title. */
  public int count() {
    String heading = heading();
    return Integer.parseInt(
        heading.substring(heading.lastIndexOf('(') + 1, heading.lastIndexOf(')')));
  }

  /** A button by its text, in {@code scope} or anywhere. */
  public WebElement button(@Nullable WebElement scope, String text) {
    String xpath = "//ui5-button[normalize-space(.)='" + text + "']";
    return scope == null ? browser.find(By.xpath(xpath)) : scope.findElement(By.xpath("." + xpath));
  }

  /** A button by its accessible name (icon-only buttons have no text). */
  public WebElement namedButton(@Nullable WebElement scope, String accessibleName) {
    By by = By.cssSelector("ui5-button[accessible-name='" + accessibleName + "']");
    return scope == null ? browser.find(by) : scope.findElement(by);
  }

  /** Clicks {@code opener} and waits for the dialog titled {@code title}. */
  public WebElement openDialog(WebElement opener, String title) {
    opener.click();
    return awaitDialog(title);
  }

  public WebElement awaitDialog(String title) {
    browser.until(
        d ->
            d.findElements(By.cssSelector("#dialog ui5-dialog[open]")).stream()
                .anyMatch(dialog -> title.equals(dialog.getDomAttribute("header-text"))));
    return dialog();
  }

  public WebElement dialog() {
    return browser.find(By.cssSelector("#dialog ui5-dialog[open]"));
  }

  public WebElement inDialog(String id) {
    return dialog().findElement(By.id(id));
  }

  public void dialogClosed() {
    browser.until(d -> d.findElements(By.cssSelector("#dialog ui5-dialog")).isEmpty());
  }

  /** Waits for the page's message strip to say {@code text}. */
  public void awaitMessage(String text) {
    browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-strip"), text));
  }

  /** Waits for the open dialog's message area to say {@code text}. */
  public void awaitDialogMessage(String text) {
    browser.until(d -> dialog().getText().contains(text));
  }

  /** Unticks *Check credentials with the registry* when it is ticked. */
  public void withoutRegistryCheck() {
    WebElement check = inDialog("secret-verify");
    browser.js("arguments[0].scrollIntoView({block: 'center'})", check);
    if ("true".equals(check.getDomProperty("checked"))) {
      check.click();
    }
    assertThat(check.getDomProperty("checked")).isEqualTo("false");
  }

  /** Opens a UI5 select and picks the option with {@code value}, as a person would. */
  public void select(WebElement select, String value) {
    browser.js("arguments[0].scrollIntoView({block: 'center'})", select);
    select.click();
    WebElement option = select.findElement(By.cssSelector("ui5-option[value='" + value + "']"));
    browser.until(ExpectedConditions.visibilityOf(option)).click();
    browser.until(d -> value.equals(select.getDomProperty("value")));
  }

  /** Chooses the workspace unless it is the current one already. */
  public void chooseWorkspace(String connection) {
    navigate("Workspaces");
    WebElement card = browser.find(By.cssSelector("[data-connection='" + connection + "']"));
    if (!card.findElements(By.xpath(".//ui5-button[normalize-space(.)='Choose']")).isEmpty()) {
      button(card, "Choose").click();
      awaitMessage("Workspace " + connection + " selected.");
    }
    assertThat(browser.find(By.id("shellbar")).getDomAttribute("secondary-title"))
        .contains(connection);
  }

  /**
   * An element's own text, without what its shadow DOM adds for screen readers (a tag's "Tag
   * Error", for instance).
   */
  public static String text(WebElement element) {
    return String.valueOf(element.getDomProperty("textContent")).strip().replaceAll("\\s+", " ");
  }

  public static By tileLocator(String name) {
    return By.cssSelector("ui5-card[data-secret='" + name + "']");
  }

  public WebElement tile(String name) {
    return browser.find(tileLocator(name));
  }

  public void awaitTile(String name) {
    browser.until(ExpectedConditions.visibilityOfElementLocated(tileLocator(name)));
  }
}

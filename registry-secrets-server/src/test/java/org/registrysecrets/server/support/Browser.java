package org.registrysecrets.server.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (Selenium's own
 * downloads cannot work here). One per test class; {@link #screenshot} keeps evidence of failures.
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path userDataDir;

  private Browser(ChromeDriver driver, Path userDataDir) {
    this.driver = driver;
    this.userDataDir = userDataDir;
  }

  public static Browser start() {
    return start("en-US");
  }

  /** A browser whose requests say {@code Accept-Language: language}. */
  public static Browser start(String language) {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Debian's chromium and chromium-driver"
              + " (apt-get install chromium chromium-driver); bin/test installs them when it may.");
    }
    Path userDataDir;
    try {
      userDataDir = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // every request and console message, for the request log and the console checks
    options.setCapability(
        "goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + userDataDir,
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, userDataDir);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(By by) {
    return until(
        d -> {
          List<WebElement> found = d.findElements(by);
          return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
  }

  public <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
  }

  /** Runs a script in the page (not bound by the page's CSP) and returns its result. */
  public @Nullable Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * The native field inside a UI5 input, text area or file uploader (its shadow DOM), where keys
   * and files go.
   */
  public WebElement field(WebElement ui5Host) {
    return until(
        d ->
            ui5Host.getShadowRoot().findElements(By.cssSelector("input, textarea")).stream()
                .findFirst()
                .orElse(null));
  }

  /** Types into a UI5 input or text area, as a person would. */
  public void type(WebElement ui5Host, CharSequence... keys) {
    field(ui5Host).sendKeys(keys);
  }

  /** Empties a UI5 input or text area. */
  public void clear(WebElement ui5Host) {
    WebElement field = field(ui5Host);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
  }

  /** The value of a UI5 field. */
  public String value(WebElement ui5Host) {
    String value = ui5Host.getDomProperty("value");
    return value == null ? "" : value;
  }

  /** The element that has the keyboard focus, through shadow roots to the UI5 host. */
  public WebElement focused() {
    return (WebElement) js("return document.activeElement;");
  }

  /** Resizes the window's viewport to {@code width} × {@code height} CSS pixels. */
  public void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Number innerWidth = (Number) js("return window.innerWidth;");
    Number innerHeight = (Number) js("return window.innerHeight;");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(2 * width - innerWidth.intValue(), 2 * height - innerHeight.intValue()));
  }

  /**
   * The requests the page sent since the last call, as {@code "STATUS URL"} (status {@code 0} for
   * one that got no answer).
   */
  public List<String> requests() {
    Map<String, String> urls = new LinkedHashMap<>();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      JsonNode params = message.path("params");
      switch (message.path("method").asString()) {
        case "Network.requestWillBeSent" ->
            urls.put(
                params.path("requestId").asString(), params.path("request").path("url").asString());
        case "Network.responseReceived" ->
            statuses.put(
                params.path("requestId").asString(),
                params.path("response").path("status").asInt());
        default -> {}
      }
    }
    List<String> requests = new ArrayList<>();
    urls.forEach((id, url) -> requests.add(statuses.getOrDefault(id, 0) + " " + url));
    return requests;
  }

  /** What the page wrote to its console at level SEVERE since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Runs axe-core (from the frontend's node_modules) on the page, shadow DOM included, and returns
   * each violation as {@code "rule: target, target"}.
   */
  public List<String> accessibilityViolations() {
    if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined';"))) {
      try {
        js(Files.readString(AXE));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "axe-core comes with the frontend build (npm ci in src/main/frontend)", e);
      }
    }
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(JSON.stringify(r.violations.map(v => v.id + ': '"
                    + " + v.help + ' at ' + v.nodes.map(n => JSON.stringify(n.target)).join(', ')))))"
                    + ".catch(e => done(JSON.stringify(['axe failed: ' + e])));");
    List<String> violations = new ArrayList<>();
    JSON.readTree((String) result).forEach(node -> violations.add(node.asString()));
    return violations;
  }

  /** Saves a screenshot under {@code target/screenshots}. */
  public Path screenshot(String name) {
    try {
      Path directory = Path.of("target", "screenshots");
      Files.createDirectories(directory);
      Path file = directory.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(userDataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}

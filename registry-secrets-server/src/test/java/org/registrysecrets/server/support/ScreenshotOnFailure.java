package org.registrysecrets.server.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Keeps a screenshot under {@code target/screenshots} of every failed browser test. */
public class ScreenshotOnFailure implements TestWatcher {

  /** A test class with a browser. */
  public interface WithBrowser {
    Browser browser();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Optional<Object> instance = context.getTestInstance();
    if (instance.isPresent()
        && instance.get() instanceof WithBrowser test
        && test.browser() != null) {
      test.browser()
          .screenshot(
              context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getRequiredTestMethod().getName());
    }
  }
}

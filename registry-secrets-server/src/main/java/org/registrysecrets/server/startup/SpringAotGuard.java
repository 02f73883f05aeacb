package org.registrysecrets.server.startup;

import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps Spring AOT's build-time bean definitions honest. Spring fixes each
 * {@code @ConditionalOnProperty} (ours and Spring Boot's) when the build runs AOT, so a start that
 * sets one of those properties otherwise (turns on the Kubernetes sync, an external issuer, an
 * actuator endpoint) would silently get the build's beans. While the build runs, this records what
 * the conditions read ({@link ConditionInputRecorder}); at a start with {@code spring.aot.enabled},
 * it compares, and builds the context the ordinary way when anything differs.
 *
 * <p>Runs before Spring decides how to build the context, and before logging reads its AOT
 * artifacts.
 */
class SpringAotGuard implements EnvironmentPostProcessor {

  private static final String PROCESSING = "spring.aot.processing";

  private final Log log;

  SpringAotGuard(DeferredLogFactory logs) {
    this.log = logs.getLog(SpringAotGuard.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (Boolean.getBoolean(PROCESSING)) {
      environment.getPropertySources().addFirst(new ConditionInputRecorder());
    } else if (AotDetector.useGeneratedArtifacts()) {
      ClassLoader loader = application.getClassLoader();
      ConditionInputs built = ConditionInputs.read(loader);
      String differs =
          built == null
              ? "this jar was built without Spring AOT"
              : built.firstDifference(environment, loader);
      if (differs != null) {
        System.setProperty(AotDetector.AOT_ENABLED, "false");
        log.info(
            "Spring AOT is off for this start, the context is built from the classes: " + differs);
      }
    }
  }
}

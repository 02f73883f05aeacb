package org.registrysecrets.server.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training start of a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}) or of Java
 * 25's AOT cache ({@code -XX:AOTCacheOutput}), with {@code -Dregsecrets.training-run=true}: once it
 * takes traffic, the server sends itself the requests a start answers first (its health, an API
 * call and a token request without credentials, the sign-in page), then exits: 0 if its health
 * answered 200 and no request failed with a server error, 1 otherwise. Spring's own {@code
 * spring.context.exit=onRefresh} stops before Tomcat serves, so the classes of those first answers
 * (about 800: the request path, Jackson's writers, the health endpoint) were loaded from the jars
 * on every start.
 *
 * <p>Read at run time, not through a condition: a condition on it would be an input of Spring AOT's
 * guard, and the training start would then build its context without Spring AOT, unlike the starts
 * it trains for.
 */
@Component
class TrainingRun {

  static final String PROPERTY = "regsecrets.training-run";

  private static final Probe HEALTH = new Probe("GET", "/actuator/health");

  /**
   * The first requests of a start. Health must answer 200; the others only must not fail: what they
   * answer depends on the settings (an external issuer has no token endpoint here).
   */
  private static final List<Probe> PROBES =
      List.of(
          HEALTH,
          new Probe("GET", "/v2/admin/dockerRegistrySecrets"),
          new Probe("POST", "/oauth/token"),
          new Probe("GET", "/login"));

  private static final Log log = LogFactory.getLog(TrainingRun.class);

  private final Environment environment;

  TrainingRun(Environment environment) {
    this.environment = environment;
  }

  /** Once the server takes traffic: its health answers 503 until then. */
  @EventListener
  void serveAndExit(AvailabilityChangeEvent<ReadinessState> ready) {
    if (ready.getState() != ReadinessState.ACCEPTING_TRAFFIC
        || !environment.getProperty(PROPERTY, Boolean.class, false)
        || !(ready.getSource() instanceof WebServerApplicationContext web)) {
      return;
    }
    WebServer server = web.getWebServer();
    if (server == null) {
      return;
    }
    List<String> unexpected = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      URI base = URI.create("http://" + host() + ":" + server.getPort());
      for (Probe probe : PROBES) {
        int status = probe.send(http, base);
        if (probe == HEALTH ? status != 200 : status >= 500) {
          unexpected.add(probe.path() + " answered " + status);
        }
      }
    } catch (IOException e) {
      unexpected.add("a request failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unexpected.add("interrupted");
    }
    if (unexpected.isEmpty()) {
      log.info("Training run: answered " + PROBES.size() + " requests of its own, exiting");
    } else {
      log.error("Training run failed, exiting: " + String.join("; ", unexpected));
    }
    int code = unexpected.isEmpty() ? 0 : 1;
    System.exit(SpringApplication.exit(web, () -> code));
  }

  /** The address Tomcat listens on: loopback when it listens on every address. */
  private String host() throws UnknownHostException {
    String configured = environment.getProperty("server.address");
    InetAddress address = configured == null ? null : InetAddress.getByName(configured);
    if (address == null || address.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String host = address.getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private record Probe(String method, String path) {

    int send(HttpClient http, URI base) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}

package org.registrysecrets.bench.hello;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework's ceiling: what Spring Boot's web stack answers on this machine with nothing of
 * ours in the way. The benchmark starts it like the server (same JDK, heap and CDS treatment).
 */
@SpringBootApplication
@RestController
public class HelloApplication {

  public static void main(String[] args) {
    SpringApplication.run(HelloApplication.class, args);
  }

  @GetMapping("/hello")
  Map<String, String> hello() {
    return Map.of("status", "ok");
  }
}

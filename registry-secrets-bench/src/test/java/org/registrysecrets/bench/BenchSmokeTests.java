package org.registrysecrets.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's smoke mode, so that bench/run.sh keeps working: every step, briefly. */
class BenchSmokeTests {

  @Test
  void runsEveryStepAndWritesTheReport() throws Exception {
    Path out = Files.createTempDirectory("bench-smoke-");

    BenchMain.main(
        new String[] {
          "--smoke",
          "--jar",
          "../registry-secrets-server/target/registry-secrets.jar",
          "--out",
          out.toString()
        });

    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("smoke.json").toFile());
    List<String> scenarios = new ArrayList<>();
    for (JsonNode measurement : report.get("measurements")) {
      scenarios.add(
          measurement.get("name").asString() + "/" + measurement.get("connections").asInt());
      assertThat(measurement.get("throughput").asDouble()).as(measurement.toString()).isPositive();
      assertThat(measurement.get("errors").asLong()).as(measurement.toString()).isZero();
    }
    assertThat(scenarios)
        .contains(
            "framework ceiling (/bench/ping)/32",
            "get one, authentication off/32",
            "list 50 of 200/32",
            "create/32",
            "patch with If-Match/32",
            "delete/32",
            "token issue/1",
            "pgbench insert/32",
            "pgbench update/32",
            "pgbench delete/32",
            "get one (H2)/32",
            "create (H2)/32");
    List<String> targets = new ArrayList<>();
    report.get("targets").forEach(target -> targets.add(target.get("name").asString()));
    assertThat(targets)
        .contains(
            "get one / framework ceiling, 32 connections",
            "authenticated get / get without authentication, 32 connections",
            "list 50 / framework ceiling, 32 connections",
            "create / pgbench insert, 32 connections",
            "patch / pgbench update, 32 connections",
            "delete / pgbench delete, 32 connections",
            "p99 of get at half the maximum rate",
            "p99 of create at half the maximum rate",
            "RSS under load with -Xmx256m");
    for (JsonNode target : report.get("targets")) {
      assertThat(
              target.has("name")
                  && target.has("value")
                  && target.has("unit")
                  && target.has("target")
                  && target.has("met"))
          .isTrue();
    }
    assertThat(out.resolve("smoke.md")).content().contains("| target | value | goal | met |");
  }
}

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
          "--hello",
          "../registry-secrets-bench-hello/target/bench-hello.jar",
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
            "framework ceiling (Spring hello)/32",
            "framework ceiling (Spring hello), wrk/32",
            "get one, wrk/32",
            "get one, authentication off/32",
            "list 50 of 200/32",
            "create/32",
            "patch with If-Match/32",
            "delete/32",
            "token issue/1",
            "pgbench create/32",
            "pgbench patch/32",
            "pgbench delete/32",
            "pgbench get/32",
            "pgbench create/4",
            "get one (H2)/32",
            "create (H2)/32");
    List<String> targets = new ArrayList<>();
    report.get("targets").forEach(target -> targets.add(target.get("name").asString()));
    assertThat(targets)
        .contains(
            "get one / framework ceiling (Spring hello), 32 connections",
            "authenticated get / same get without authentication, 32 connections",
            "list 50 of 200 / framework ceiling (Spring hello), 32 connections",
            "create / pgbench of our own create SQL (durable), 32 connections",
            "patch / pgbench of our own patch SQL (durable), 32 connections",
            "delete / pgbench of our own delete SQL (durable), 32 connections",
            "create at 32 connections / create at 1 connection",
            "p99 of get at half the maximum rate",
            "p99 of create at half the maximum rate",
            "RSS under load, -Xmx256m");
    JsonNode figures = report.get("figures");
    assertThat(figures.get("embedded PostgreSQL fsync").asString()).isEqualTo("on");
    assertThat(figures.get("embedded PostgreSQL synchronous_commit").asString()).isEqualTo("on");
    assertThat(
            figures.has(
                "create at 32 connections / pgbench of our own create SQL (durable), 4 connections"
                    + " (x)"))
        .isTrue();
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

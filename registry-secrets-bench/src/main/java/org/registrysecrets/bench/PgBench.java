package org.registrysecrets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench with scripts of our row shape: a ~1 KB ciphertext keyed by tenant and name; insert,
 * update by key, select by key, delete by key.
 */
final class PgBench {

  private final String binary;
  private final String host;
  private final int port;
  private final String database;
  private final Path scripts;

  PgBench(String host, int port, String database) throws IOException {
    this.binary = find();
    this.host = host;
    this.port = port;
    this.database = database;
    this.scripts = Files.createTempDirectory("pgbench-");
    write(
        "insert.sql",
        "insert into bench_row (tenant, name, version, key_id, ciphertext) values ('t', 'i-' || nextval('bench_seq'), 1, 1, decode(repeat('ab', 1024), 'hex'));");
    write(
        "update.sql",
        "\\set id random(1, 5000)\nupdate bench_row set version = version + 1, ciphertext = decode(repeat('cd', 1024), 'hex') where tenant = 'u' and name = 'u-' || :id;");
    write(
        "select.sql",
        "\\set id random(1, 5000)\nselect name, version from bench_row where tenant = 'u' and name = 'u-' || :id;");
    // nextval() in the WHERE clause would be evaluated per row and defeat the key lookup.
    write(
        "delete.sql",
        "select nextval('bench_delete') as id \\gset\ndelete from bench_row where tenant = 'd' and name = 'd-' || :id;");
    // The statement with which a replica borrows tokens from a shared rate limit (the server's
    // SharedTokenBuckets), durable as the server commits it, on one of 100 tenants' buckets.
    String refilled =
        "least(400, tokens + greatest(0, (extract(epoch from clock_timestamp()) * 1000)::bigint"
            + " - refilled_at) * 200 / 1000.0)";
    write(
        "rate-borrow.sql",
        "\\set b random(1, 100)\nset synchronous_commit to on;\nupdate rate_bucket set tokens = "
            + refilled
            + " - 10, refilled_at = greatest(refilled_at, (extract(epoch from clock_timestamp()) * 1000)::bigint)"
            + " where bucket = 'bucket-' || :b and "
            + refilled
            + " >= 10;");
  }

  /** The table and the rows that update, select and delete work on. */
  static List<String> schema(int deletable) {
    return List.of(
        "create table bench_row (tenant varchar(128) not null, name varchar(63) not null, version bigint not null,"
            + " key_id bigint not null, ciphertext bytea not null, primary key (tenant, name))",
        "create sequence bench_seq",
        "create sequence bench_delete",
        "insert into bench_row select 'u', 'u-' || g, 1, 1, decode(repeat('ab', 1024), 'hex') from generate_series(1, 5000) g",
        "create table rate_bucket (bucket varchar(200) not null primary key, tokens double precision not null,"
            + " refilled_at bigint not null)",
        "insert into rate_bucket select 'bucket-' || g, 400, 0 from generate_series(1, 100) g",
        "insert into bench_row select 'd', 'd-' || g, 1, 1, decode(repeat('ab', 1024), 'hex') from generate_series(1, "
            + deletable
            + ") g");
  }

  Measurement run(String script, int clients, Duration duration)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                binary,
                "-n",
                "-h",
                host,
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-f",
                scripts.resolve(script + ".sql").toString(),
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(clients, 2)),
                "-T",
                Long.toString(Math.max(1, duration.toSeconds())),
                "-M",
                "prepared",
                "-r",
                database)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + output);
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
    double throughput = tps.find() ? Double.parseDouble(tps.group(1)) : 0;
    double average = latency.find() ? Double.parseDouble(latency.group(1)) : 0;
    return new Measurement(
        "pgbench " + script, clients, throughput, average, Double.NaN, Double.NaN, 0);
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(scripts.resolve(name), sql + "\n");
  }

  private static String find() throws IOException {
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(version -> version.resolve("bin/pgbench"))
          .filter(Files::isExecutable)
          .map(Path::toString)
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("pgbench is missing: install Debian's postgresql"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException("pgbench is missing: install Debian's postgresql", e);
    }
  }
}

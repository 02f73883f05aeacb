package org.registrysecrets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench with the statements the server issues for one create, patch, delete and get, on the
 * server's own schema (the database it migrated) in tenants of pgbench's own, durable as the server
 * commits ({@code synchronous_commit=on}): the physical limit of our own design.
 */
final class PgBench {

  /** A sealed ~1 KB Docker config, the size the load sends. */
  private static final String CIPHERTEXT = "decode(repeat('ab', 1100), 'hex')";

  /** The server's metadata read (JdbcDockerRegistrySecretRepository), up to its condition. */
  private static final String METADATA =
      "select s.name, s.created_at, s.modified_at, s.registries, s.version, s.verification,"
          + " s.expiry, s.recheck_every, s.recheck_next_at, s.recheck_state, c.type source_type,"
          + " c.expires_at source_expires_at, c.renewed_at, c.renew_at, c.state source_state,"
          + " c.message source_message from docker_registry_secret s left join credential_source c"
          + " on c.tenant = s.tenant and c.secret_name = s.name";

  private static final int PATCHED = 5000;

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
    // DockerRegistrySecretChanges.create: the row with its expiry and re-check, its first version,
    // the audit event, then the tenant's quota counter. A random 63-bit id stands in for a name.
    write(
        "create.sql",
        "\\set id random(1, 9000000000000000000)\n"
            + "begin;\n"
            + "insert into docker_registry_secret (tenant, name, version, created_at, modified_at,"
            + " registries, key_id, ciphertext, verification, expiry, expires_at, recheck_every,"
            + " recheck_next_at) values ('pgbench-c', 'c-' || :id, 1, now(), now(),"
            + " 'registry.example.com', 1, "
            + CIPHERTEXT
            + ", null, null, null, null, null);\n"
            + version("pgbench-c", "'c-' || :id", "1")
            + audit("pgbench-c", "'c-' || :id", "create")
            + "update tenant_usage set secret_count = secret_count + 1 where tenant = 'pgbench-c'"
            + " and secret_count < 1000000000;\n"
            + "commit;");
    // .replace: the conditional update (If-Match: its version, which pgbench cannot know, so any),
    // the row read back, the new version, the pruning of old versions and the audit event.
    write(
        "patch.sql",
        "\\set id random(1, "
            + PATCHED
            + ")\n"
            + "begin;\n"
            + "update docker_registry_secret set version = version + 1, modified_at = now(),"
            + " registries = 'registry.example.com', key_id = 1, ciphertext = "
            + CIPHERTEXT
            + ", verification = null, expiry = null, expires_at = null"
            + " where tenant = 'pgbench-u' and name = 'u-' || :id;\n"
            + METADATA
            + " where s.tenant = 'pgbench-u' and s.name = 'u-' || :id \\gset\n"
            + version("pgbench-u", "'u-' || :id", ":version")
            + "delete from secret_version where tenant = 'pgbench-u' and secret_name = 'u-' || :id"
            + " and version <= :version - 10;\n"
            + audit("pgbench-u", "'u-' || :id", "modify")
            + "commit;");
    // .delete: the row, its versions, the audit event, then the quota counter. The sequence that
    // picks the next name is pgbench's own round trip, outside the transaction.
    write(
        "delete.sql",
        "select nextval('pgbench_delete') as id \\gset\n"
            + "begin;\n"
            + "delete from docker_registry_secret where tenant = 'pgbench-d' and name = 'd-' || :id;\n"
            + "delete from secret_version where tenant = 'pgbench-d' and secret_name = 'd-' || :id;\n"
            + audit("pgbench-d", "'d-' || :id", "delete")
            + "update tenant_usage set secret_count = secret_count - 1 where tenant = 'pgbench-d'"
            + " and secret_count > 0;\n"
            + "commit;");
    // A get: one statement, no transaction.
    write(
        "get.sql",
        "\\set id random(1, "
            + PATCHED
            + ")\n"
            + METADATA
            + " where s.tenant = 'pgbench-u' and s.name = 'u-' || :id;");
    // The statement with which a replica borrows tokens from a shared rate limit (the server's
    // SharedTokenBuckets), on one of 100 tenants' buckets.
    String refilled =
        "least(400, tokens + greatest(0, (extract(epoch from clock_timestamp()) * 1000)::bigint"
            + " - refilled_at) * 200 / 1000.0)";
    write(
        "rate-borrow.sql",
        "\\set b random(1, 100)\nupdate rate_bucket set tokens = "
            + refilled
            + " - 10, refilled_at = greatest(refilled_at, (extract(epoch from clock_timestamp()) * 1000)::bigint)"
            + " where bucket = 'pgbench-' || :b and "
            + refilled
            + " >= 10;");
  }

  private static String version(String tenant, String name, String version) {
    return "insert into secret_version (tenant, secret_name, version, created_at, actor, origin,"
        + " registries, fingerprint, key_id, ciphertext, expiry) values ('"
        + tenant
        + "', "
        + name
        + ", "
        + version
        + ", now(), 'sb-pgbench', 'api', 'registry.example.com', '79597f21b3050f25', 1, "
        + CIPHERTEXT
        + ", null);\n";
  }

  private static String audit(String tenant, String name, String action) {
    return "insert into audit_event (occurred_at, tenant, actor, origin, action, secret_name,"
        + " outcome, request_id) values (now(), '"
        + tenant
        + "', 'sb-pgbench', 'api', '"
        + action
        + "', "
        + name
        + ", 'success', 'pgbench');\n";
  }

  /**
   * The rows the scripts work on, in the server's migrated schema: counters, {@value #PATCHED}
   * secrets to patch and get, {@code deletable} to delete (each with a version), and rate buckets.
   */
  static List<String> setup(int deletable) {
    List<String> statements = new ArrayList<>();
    statements.add(
        "insert into tenant_usage values ('pgbench-c', 0), ('pgbench-u', "
            + PATCHED
            + "), ('pgbench-d', "
            + deletable
            + ")");
    statements.add("create sequence pgbench_delete");
    statements.addAll(secrets("pgbench-u", "u-", PATCHED));
    statements.addAll(secrets("pgbench-d", "d-", deletable));
    statements.add(
        "insert into rate_bucket select 'pgbench-' || g, 400, 0 from generate_series(1, 100) g");
    statements.add("vacuum analyze");
    return statements;
  }

  /** {@code count} secrets named {@code prefix} 1, 2, ... with their first version. */
  private static List<String> secrets(String tenant, String prefix, int count) {
    String rows = " from generate_series(1, " + count + ") g";
    return List.of(
        "insert into docker_registry_secret (tenant, name, version, created_at, modified_at,"
            + " registries, key_id, ciphertext) select '"
            + tenant
            + "', '"
            + prefix
            + "' || g, 1, now(), now(), 'registry.example.com', 1, "
            + CIPHERTEXT
            + rows,
        "insert into secret_version (tenant, secret_name, version, created_at, actor, origin,"
            + " registries, fingerprint, key_id, ciphertext) select '"
            + tenant
            + "', '"
            + prefix
            + "' || g, 1, now(), 'sb-pgbench', 'api', 'registry.example.com',"
            + " '79597f21b3050f25', 1, "
            + CIPHERTEXT
            + rows);
  }

  Measurement run(String script, int clients, Duration duration)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
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
            database);
    // Durable as the server's own connections (its Hikari connection-init-sql).
    builder.environment().put("PGOPTIONS", "-c synchronous_commit=on");
    Process process = builder.redirectErrorStream(true).start();
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

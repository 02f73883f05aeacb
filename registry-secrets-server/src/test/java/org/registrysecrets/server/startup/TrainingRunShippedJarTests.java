package org.registrysecrets.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrysecrets.server.support.ServerProcess;

/**
 * The README's class-data-sharing procedure on the shipped jar: extracted, a training start answers
 * its first requests and exits on its own, leaving an archive that a later start maps.
 */
class TrainingRunShippedJarTests {

  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir static Path folder;

  private static Path thinJar;

  @BeforeAll
  static void extract() throws Exception {
    Path extracted = folder.resolve("app");
    run(
        List.of(
            JAVA,
            "-Djarmode=tools",
            "-jar",
            ServerProcess.jar().toAbsolutePath().toString(),
            "extract",
            "--destination",
            extracted.toString()));
    thinJar = extracted.resolve(ServerProcess.jar().getFileName());
  }

  @Test
  void answersItsFirstRequestsThenExitsLeavingAnArchiveALaterStartMaps() throws Exception {
    Path archive = folder.resolve("app.jsa");

    Started training = run(trainingStart("training", "-XX:ArchiveClassesAtExit=" + archive));

    assertThat(training.exitCode()).as(training.log()).isZero();
    assertThat(training.log())
        .contains("Starting AOT-processed")
        .contains("Training run: answered 4 requests of its own, exiting")
        .doesNotContain("ERROR");
    assertThat(archive).isNotEmptyFile();

    // -Xshare:on refuses to start when the archive cannot be mapped.
    Started withArchive =
        run(trainingStart("with-archive", "-XX:SharedArchiveFile=" + archive, "-Xshare:on"));

    assertThat(withArchive.exitCode()).as(withArchive.log()).isZero();
  }

  @Test
  void failsLoudlyWhenAFirstRequestIsNotAnsweredAsExpected() throws Exception {
    // Without its health endpoint exposed, the first request answers 404, not 200.
    Started training =
        run(trainingStart("broken", "--management.endpoints.web.exposure.include=prometheus"));

    assertThat(training.exitCode()).isEqualTo(1);
    assertThat(training.log())
        .contains("Training run failed, exiting: /actuator/health answered 404");
  }

  @Test
  void trainsWithAnExternalIssuerToo() throws Exception {
    // No token endpoint here: its request is answered, if not as with the embedded issuer.
    Started training =
        run(
            trainingStart(
                "external-issuer",
                "--regsecrets.issuer.enabled=false",
                "--regsecrets.security.jwk-set-uri=http://127.0.0.1:9/jwks"));

    assertThat(training.exitCode()).as(training.log()).isZero();
  }

  private static List<String> trainingStart(String name, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "@" + ServerProcess.jvmOptions()));
    List<String> arguments = new ArrayList<>();
    for (String option : options) {
      (option.startsWith("--") ? arguments : command).add(option);
    }
    command.addAll(
        List.of(
            "-Dregsecrets.training-run=true",
            "-jar",
            thinJar.toString(),
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--regsecrets.data-dir=" + Files.createDirectories(folder.resolve(name + "-data"))));
    command.addAll(arguments);
    return command;
  }

  private static Started run(List<String> command) throws Exception {
    Path log = Files.createTempFile(folder, "start-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Still running after 120 s: " + Files.readString(log));
    }
    return new Started(process.exitValue(), Files.readString(log));
  }

  private record Started(int exitCode, String log) {}
}

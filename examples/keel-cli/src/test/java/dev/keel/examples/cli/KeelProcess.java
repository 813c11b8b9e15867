package dev.keel.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI as its own process, as the ./keel script does: {@code java -jar keel-cli.jar ...}. */
final class KeelProcess {

  record Result(int exitCode, String out, String err) {}

  private KeelProcess() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("keel.cli.jar", "target/keel-cli.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No CLI jar at " + jar + ": the end-to-end tests run after 'mvn package'");
    }
    return jar;
  }

  static Result run(String... args) throws IOException, InterruptedException {
    return runWithJvmOptions(List.of(), args);
  }

  /** Runs the CLI with JVM options before {@code -jar}, such as {@code -Xmx64m}. */
  static Result runWithJvmOptions(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("keel-out", ".txt");
    Path err = Files.createTempFile("keel-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("keel " + String.join(" ", args) + " did not finish in 5 minutes");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static String example(String relative) {
    return Path.of(System.getProperty("keel.examples", "..")).resolve(relative).toAbsolutePath().normalize()
        .toString();
  }
}

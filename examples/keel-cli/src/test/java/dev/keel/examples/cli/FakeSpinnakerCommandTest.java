package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel fake-spinnaker} serves the simulated clouds over HTTP until interrupted, and {@code --cloud spinnaker}
 * runs the cloud plugins through their Spinnaker adapters against an in-process fake.
 */
class FakeSpinnakerCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = CliRunner.example("configs/fnord.yml");

  @TempDir
  Path dir;

  @Test
  void servesTheSimulatedCloudsOverHttpUntilItsThreadIsInterrupted() throws Exception {
    Lines out = new Lines();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread command = new Thread(() -> exit.set(new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()), CliRunner.PLUGINS).run("fake-spinnaker", "--port", "0")));
    command.start();
    try {
      String clouddriver = out.awaitValue("clouddriverUrl: ");
      String orca = out.awaitValue("orcaUrl: ");
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> account = http.send(HttpRequest.newBuilder(URI.create(clouddriver + "/credentials/test"))
          .header("X-SPINNAKER-USER", "someone@example.com").timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> noTask = http.send(HttpRequest.newBuilder(URI.create(orca + "/tasks/01NOSUCHTASK"))
          .header("X-SPINNAKER-USER", "someone@example.com").timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
      assertThat(JSON.readTree(account.body()).get("name").asText()).isEqualTo("test");
      assertThat(noTask.statusCode()).isEqualTo(404);
    } finally {
      command.interrupt();
      command.join(TimeUnit.SECONDS.toMillis(60));
    }
    assertThat(command.isAlive()).isFalse();
    assertThat(exit.get()).isEqualTo(Cli.OK);
    assertThat(out.all()).last().isEqualTo("Fake Spinnaker stopped.");
  }

  @Test
  void aPortOutOfRangeOrAnUnknownCloudIsAUsageError() {
    CliRunner.Result port = CliRunner.run("fake-spinnaker", "--port", "70000");
    CliRunner.Result cloud = CliRunner.run("run", CONFIG, "--cloud", "aws");

    assertThat(port.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(port.err()).startsWith("keel: --port takes a port between 0 and 65534");
    assertThat(cloud.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(cloud.err()).startsWith("keel: --cloud takes simulated or spinnaker, not 'aws'");
  }

  @Test
  void planThroughAFakeSpinnakerPlansWhatThePlainPlanPlans() throws Exception {
    CliRunner.Result plain = CliRunner.run("plan", CONFIG, "--json");
    CliRunner.Result spinnaker = CliRunner.run("plan", CONFIG, "--json", "--cloud", "spinnaker");

    assertThat(spinnaker.exitCode()).as(spinnaker.err()).isEqualTo(Cli.PENDING);
    assertThat(plain.exitCode()).isEqualTo(Cli.PENDING);
    Map<String, List<String>> overHttp = operations(spinnaker.out());
    assertThat(overHttp).hasSize(9).isEqualTo(operations(plain.out()));
    assertThat(overHttp.get("ec2:security-group:test:fnord")).isNotEmpty();
  }

  @Test
  void aTimelineBaseImageIsRefusedOverSpinnakerAtItsLine() throws IOException {
    Path scenario = Files.writeString(dir.resolve("base.yml"), """
        timeline:
        - at: 1h
          ec2.baseImage: {os: bionic, name: bionicbase-release-2}
        """);

    CliRunner.Result result = CliRunner.run("run", CONFIG, "--scenario", scenario.toString(), "--cloud", "spinnaker");

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith(scenario + ":3:3: ec2.baseImage cannot be played with --cloud spinnaker");
  }

  @Test
  void theEc2PluginOverSpinnakerKnowsTheSimulatedBaseImagesAndTheScenariosSeededOnes() {
    Map<String, Object> scenario = Map.of("clouds", Map.of("ec2", Map.of("baseImages",
        List.of(Map.of("os", "bionic", "name", "bionicbase-release-2"),
            Map.of("os", "focal", "label", "candidate", "name", "focalbase-candidate-7")))));
    try (FakeSpinnaker fake = FakeSpinnaker.builder(Clock.systemUTC()).start()) {
      Map<String, Map<String, Object>> configs = FakeSpinnakerClouds.pluginConfigs(fake, scenario);

      Map<String, Object> ec2 = configs.get("dev.keel.ec2");
      assertThat(ec2).containsEntry("cloud", "spinnaker").containsEntry("clouddriverUrl",
          fake.clouddriverUrl().toString()).containsEntry("orcaUrl", fake.orcaUrl().toString());
      @SuppressWarnings("unchecked")
      Map<String, Map<String, String>> images = (Map<String, Map<String, String>>) ec2.get("baseImages");
      assertThat(images.get("bionic")).containsEntry("release", "bionicbase-release-2")
          .containsEntry("candidate", "bionicbase-candidate-1");
      assertThat(images.get("focal")).containsEntry("candidate", "focalbase-candidate-7");
      assertThat(images.get("jammy")).containsEntry("unstable", "jammybase-unstable-1");
      assertThat(configs.get("dev.keel.titus")).containsEntry("cloud", "spinnaker").doesNotContainKey("baseImages");
    }
  }

  private static Map<String, List<String>> operations(String planJson) throws IOException {
    Map<String, List<String>> byId = new TreeMap<>();
    for (JsonNode r : JSON.readTree(planJson).get("resources")) {
      List<String> ops = new ArrayList<>();
      r.get("operations").forEach(o -> ops.add(o.get("description").asText()));
      byId.put(r.get("id").asText(), ops);
    }
    return byId;
  }

  /** An output stream that hands over each complete line as it is printed. */
  private static final class Lines extends OutputStream {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(line.toString());
        all.add(line.toString());
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }

    String awaitValue(String prefix) throws InterruptedException {
      while (true) {
        String next = lines.poll(2, TimeUnit.MINUTES);
        if (next == null) {
          throw new AssertionError("no line starting with '" + prefix + "' within 2 minutes; got " + all());
        }
        if (next.startsWith(prefix)) {
          return next.substring(prefix.length()).trim();
        }
      }
    }

    synchronized List<String> all() {
      return List.copyOf(all);
    }
  }
}

package dev.keel.testkit.spinnaker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import dev.keel.testkit.spinnaker.Service;
import dev.keel.titus.api.model.ContainerImage;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.sim.SimulatedTitus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A fake Spinnaker over a simulated EC2 and Titus on virtual time, with a plain JDK HTTP client to call it the
 * way an adapter would (user header set).
 */
final class SpinnakerWorld implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER = "keel@spinnaker.io";

  final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T10:00:00Z"));
  final SimulatedEc2 ec2 = SimulatedEc2.withDefaults(scheduler.clock());
  final SimulatedTitus titus = SimulatedTitus.withDefaults(scheduler.clock());
  final FakeSpinnaker fake;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * A reply.
   *
   * @param status the status
   * @param body the body, parsed, or null when empty or not JSON
   * @param text the raw body
   */
  record Reply(int status, JsonNode body, String text) {}

  SpinnakerWorld() {
    this(b -> b);
  }

  SpinnakerWorld(UnaryOperator<FakeSpinnaker.Builder> configure) {
    fake = configure.apply(FakeSpinnaker.builder(scheduler.clock()).ec2(ec2).titus(titus)).start();
  }

  URI url(Service service, String pathAndQuery) {
    URI base = service == Service.CLOUDDRIVER ? fake.clouddriverUrl() : fake.orcaUrl();
    return URI.create(base + pathAndQuery);
  }

  Reply send(HttpRequest.Builder request) {
    return sendAs(request.header("X-SPINNAKER-USER", USER).header("X-SPINNAKER-USER-ORIGIN", "keel"));
  }

  /** Sends a request with only the headers it has. */
  Reply sendAs(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      try {
        body = r.body().isEmpty() ? null : JSON.readTree(r.body());
      } catch (IOException notJson) {
        body = null;
      }
      return new Reply(r.statusCode(), body, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply clouddriver(String pathAndQuery) {
    return send(HttpRequest.newBuilder(url(Service.CLOUDDRIVER, pathAndQuery)).GET());
  }

  Reply orca(String pathAndQuery) {
    return send(HttpRequest.newBuilder(url(Service.ORCA, pathAndQuery)).GET());
  }

  Reply ops(String json) {
    return send(HttpRequest.newBuilder(url(Service.ORCA, "/ops")).header("Content-Type", "application/context+json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply put(String pathAndQuery, String json) {
    return send(HttpRequest.newBuilder(url(Service.ORCA, pathAndQuery)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Submits a task and returns its id (the last segment of the ref). */
  String submit(String json) {
    Reply r = ops(json);
    if (r.status() != 200) {
      throw new AssertionError("POST /ops answered " + r.status() + ": " + r.text());
    }
    String ref = r.body().get("ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  String status(String taskId) {
    return orca("/tasks/" + taskId).body().get("status").asText();
  }

  void advance(Duration d) {
    scheduler.advance(d);
  }

  static JsonNode fixture(String name) {
    String dir = System.getProperty("keel.fixtures", "../fixtures");
    try {
      return JSON.readTree(Files.readString(Path.of(dir, "spinnaker-payloads", name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A running EC2 server group model in test/us-east-1. */
  static Ec2ServerGroup ec2Group(String cluster, String ami, Set<String> securityGroups) {
    return new Ec2ServerGroup(cluster, new Location("test", "us-east-1", "vpc0", "internal (vpc0)",
        Set.of("us-east-1a", "us-east-1b")), new LaunchConfiguration(ami, "fnord-1.0.0-h1.abc", "bionicbase-release-1",
        "m5.large", true, "fnordInstanceProfile", "nf-keypair-us-east-1", false, null, false),
        new Capacity(1, 3, 2), new ClusterDependencies(Set.of("fnord-main-clb"), securityGroups, Set.of()),
        Health.DEFAULT, Set.of(), Scaling.NONE, Map.of("owner", "team-fnord"), true, "fnord-1.0.0-h1.abc");
  }

  /** A running Titus job model in test/us-east-1. */
  static TitusServerGroup titusJob(String cluster, String digest) {
    return new TitusServerGroup(cluster, null, new dev.keel.titus.api.model.Location("test", "us-east-1"),
        new ContainerImage("fnord/api", digest), new Capacity(1, 1, 1), "fnord", ConstraintsSpec.DEFAULT,
        new ClusterDependencies(Set.of(), Set.of("fnord"), Set.of()), "", Map.of("EC2_REGION", "us-east-1"),
        Map.of(), MigrationPolicySpec.DEFAULT, ResourcesSpec.DEFAULT, Map.of(), ScalingSpec.NONE, true, "1.0.0");
  }

  @Override
  public void close() {
    fake.close();
    scheduler.close();
  }
}

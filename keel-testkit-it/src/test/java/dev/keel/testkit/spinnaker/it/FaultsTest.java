package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testkit.spinnaker.Fault;
import dev.keel.testkit.spinnaker.Gate;
import dev.keel.testkit.spinnaker.Route;
import dev.keel.testkit.spinnaker.Service;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The injectable HTTP faults: statuses for the next calls, slow bodies and hangs held at gates the test opens,
 * dropped connections, malformed JSON, bounded bodies. No test sleeps: each waits for the fake to reach a gate.
 */
class FaultsTest {

  private static final String NETWORKS = "/networks/aws";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final SpinnakerWorld world = new SpinnakerWorld();

  @AfterEach
  void close() {
    world.close();
  }

  private HttpRequest networks() {
    return HttpRequest.newBuilder(world.url(Service.CLOUDDRIVER, NETWORKS)).header("X-SPINNAKER-USER", "keel")
        .GET().build();
  }

  @Test
  void aStatusFaultAnswersTheNextCallsThenTheRouteRecovers() {
    world.fake.faults().next(Route.clouddriver("GET", "/networks/*"), 2, new Fault.Status(503));

    assertThat(world.clouddriver(NETWORKS).status()).isEqualTo(503);
    assertThat(world.clouddriver("/subnets/aws").status()).isEqualTo(200);
    assertThat(world.clouddriver(NETWORKS).status()).isEqualTo(503);
    assertThat(world.clouddriver(NETWORKS).status()).isEqualTo(200);
    assertThat(world.fake.faults().applied()).isEqualTo(2);
    assertThat(world.fake.requests()).extracting(r -> r.fault() == null ? "-" : r.fault().describe())
        .containsExactly("status 503", "-", "status 503", "-");
  }

  @Test
  void aFaultOnEveryCallLastsUntilCleared() {
    world.fake.faults().always(Route.orca("*", "/**"), new Fault.Status(500));

    assertThat(world.orca("/tasks/x").status()).isEqualTo(500);
    assertThat(world.put("/tasks/x/cancel", "").status()).isEqualTo(500);
    assertThat(world.clouddriver(NETWORKS).status()).isEqualTo(200);
    world.fake.faults().clear();
    assertThat(world.orca("/tasks/x").status()).isEqualTo(404);
  }

  @Test
  void aSlowBodyArrivesWholeOnceItsGateOpens() throws Exception {
    Gate gate = Gate.closed();
    world.fake.faults().next(Route.clouddriver("GET", NETWORKS), 1, new Fault.SlowBody(gate));

    CompletableFuture<HttpResponse<String>> reply = world.http.sendAsync(networks(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(gate.awaitArrival(WAIT)).isTrue();
    assertThat(reply).isNotDone();
    gate.open();

    HttpResponse<String> r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(SpinnakerWorld.JSON.readTree(r.body())).hasSize(16);
  }

  @Test
  void aHangingAnswerOutlastsTheClientsTimeoutAndTheNextCallIsServed() throws Exception {
    Gate gate = Gate.closed();
    world.fake.faults().next(Route.clouddriver("GET", NETWORKS), 1, new Fault.Hang(gate));
    HttpRequest impatient = HttpRequest.newBuilder(networks().uri()).header("X-SPINNAKER-USER", "keel")
        .timeout(Duration.ofMillis(200)).GET().build();

    assertThatThrownBy(() -> world.http.send(impatient, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(gate.awaitArrival(WAIT)).isTrue();
    gate.open();
    assertThat(world.clouddriver(NETWORKS).status()).isEqualTo(200);
  }

  @Test
  void aGateWithADelayOpensByItself() throws Exception {
    Gate gate = Gate.after(Duration.ofMillis(50));
    world.fake.faults().next(Route.clouddriver("GET", NETWORKS), 1, new Fault.Hang(gate));

    assertThat(world.clouddriver(NETWORKS).status()).isEqualTo(200);
    assertThat(gate.awaitArrival(Duration.ZERO)).isTrue();
  }

  @Test
  void aDroppedConnectionIsAnIoErrorAndTheRequestIsNotActedOn() {
    world.fake.faults().next(Route.orca("POST", "/ops"), 1, new Fault.Drop());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest ops = HttpRequest.newBuilder(world.url(Service.ORCA, "/ops")).header("X-SPINNAKER-USER", "keel")
        .header("Content-Type", "application/context+json")
        .POST(HttpRequest.BodyPublishers.ofString(Bodies.deployEc2("ami-1"))).build();

    assertThatThrownBy(() -> client.send(ops, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    assertThat(world.ec2.submitted()).isEmpty();
    assertThat(world.fake.requests().get(0).status()).isZero();
  }

  @Test
  void malformedJsonIsCutOffInTheMiddle() {
    world.fake.faults().next(Route.clouddriver("GET", NETWORKS), 1, new Fault.Malformed());

    var reply = world.clouddriver(NETWORKS);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isNull();
    assertThat(reply.text()).startsWith("[{\"cloudProvider\":\"aws\"");
  }

  @Test
  void aFailingTaskIsInjectedOnOrcasOpsOnly() {
    assertThatThrownBy(() -> world.fake.faults().next(Route.clouddriver("GET", "/**"), 1,
        new Fault.FailTask("boom"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POST /ops");
    assertThatThrownBy(() -> world.fake.faults().next(Route.orca("POST", "/ops"), 0, new Fault.Status(503)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    try (SpinnakerWorld small = new SpinnakerWorld(b -> b.maxRequestBytes(100))) {
      var reply = small.ops(Bodies.deployEc2("ami-1"));

      assertThat(reply.status()).isEqualTo(413);
      assertThat(small.ec2.submitted()).isEmpty();
    }
  }

  @Test
  void routeGlobsMatchSegmentsAndPaths() {
    assertThat(Route.clouddriver("GET", "/applications/*/clusters/**").matches(Service.CLOUDDRIVER, "get",
        "/applications/fnord/clusters/test/fnord-main/aws")).isTrue();
    assertThat(Route.clouddriver("GET", "/applications/*/loadBalancers").matches(Service.CLOUDDRIVER, "GET",
        "/applications/fnord/clusters/x")).isFalse();
    assertThat(Route.orca("*", "/tasks/*").matches(Service.ORCA, "PUT", "/tasks/abc")).isTrue();
    assertThat(Route.orca("*", "/tasks/*").matches(Service.CLOUDDRIVER, "GET", "/tasks/abc")).isFalse();
    assertThatThrownBy(() -> Route.orca("GET", "tasks")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingTheFakeLetsARequestHeldAtAGateGo() throws Exception {
    Gate gate = Gate.closed();
    SpinnakerWorld other = new SpinnakerWorld();
    other.fake.faults().always(Route.clouddriver("GET", NETWORKS), new Fault.Hang(gate));
    CompletableFuture<HttpResponse<String>> reply = other.http.sendAsync(HttpRequest.newBuilder(
        other.url(Service.CLOUDDRIVER, NETWORKS)).header("X-SPINNAKER-USER", "keel").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(gate.awaitArrival(WAIT)).isTrue();

    other.close();

    assertThat(gate.isOpen()).isTrue();
    reply.handle((r, e) -> r).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(reply).isDone();
  }
}

package dev.keel.spinnaker;

import static dev.keel.spinnaker.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.spinnaker.SpinnakerCallException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the adapters do when Spinnaker misbehaves: each fault is reported naming the call, reads retry only what
 * may succeed, a slow Spinnaker is cut off at the timeout without holding other calls, and a task is never
 * submitted twice (submissions are counted at the server).
 */
class FaultsTest {

  private final Spinnaker spinnaker;
  private final CountDownLatch release = new CountDownLatch(1);

  FaultsTest() throws IOException {
    spinnaker = new Spinnaker(Spinnaker.quick()).withCatalog();
  }

  @AfterEach
  void close() {
    release.countDown();
    spinnaker.close();
  }

  /** Answers after the test releases it: headers and half a body at once, the rest never before the timeout. */
  private ScriptedServer.Reply stalled() {
    return (exchange, request) -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write("{\"name\":".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write("\"test\"}".getBytes(StandardCharsets.UTF_8));
      out.close();
    };
  }

  private static final ServerGroupOperation.ResizeServerGroup RESIZE = new ServerGroupOperation.ResizeServerGroup(
      "test", "us-east-1", "fnord-main-v001", new Capacity(1, 2, 2));

  private static TaskRequest resize() {
    return new TaskRequest("fnord", RESIZE.description(), "ec2:cluster:test:fnord-main:us-east-1", List.of(RESIZE),
        null, null, null);
  }

  @Test
  void a404IsAnAbsentResourceAndIsNotRetried() {
    var ec2 = spinnaker.clouds.ec2();

    assertThat(ec2.securityGroup("test", "us-east-1", "vpc0", "missing")).isEmpty();
    assertThat(ec2.serverGroups("test", "us-east-1", "fnord-missing")).isEmpty();
    assertThat(ec2.account("unknown")).isEmpty();
    assertThat(spinnaker.server.requests("GET /securityGroups/test/aws/us-east-1/missing")).hasSize(1);
    assertThat(spinnaker.pauses).isEmpty();
  }

  @Test
  void a503ThenA200IsRetriedAfterAJitteredBackOff() {
    spinnaker.server.replace("GET /credentials/test", json(503, "{\"error\":\"Service Unavailable\"}"),
        json("{\"name\":\"test\",\"accountId\":\"1\",\"defaultKeyPair\":\"k\"}"));

    assertThat(spinnaker.clouds.ec2().account("test")).hasValueSatisfying(a -> assertThat(a.accountId())
        .isEqualTo("1"));
    assertThat(spinnaker.server.requests("GET /credentials/test")).hasSize(2);
    assertThat(spinnaker.pauses).containsExactly(Duration.ofMillis(200));
  }

  @Test
  void aServiceThatStaysDownIsReportedAfterThreeAttemptsNamingTheCall() {
    spinnaker.server.replace("GET /credentials/test", json(503, "{\"error\":\"down\"}"));

    assertThatThrownBy(() -> spinnaker.clouds.ec2().account("test")).isInstanceOf(Ec2ReadException.class)
        .hasMessageContaining("GET clouddriver /credentials/test answered 503").hasMessageContaining("down")
        .cause().isInstanceOfSatisfying(SpinnakerCallException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
          assertThat(e.status()).isEqualTo(503);
        });
    assertThat(spinnaker.server.requests("GET /credentials/test")).hasSize(3);
    assertThat(spinnaker.pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void aClientErrorOtherThan404IsNotRetriedAndNamesTheCall() {
    spinnaker.server.replace("GET /credentials/test", json(403, "{\"message\":\"Access denied to account test\"}"));

    assertThatThrownBy(() -> spinnaker.clouds.ec2().account("test")).isInstanceOf(Ec2ReadException.class)
        .hasMessageContaining("GET clouddriver /credentials/test answered 403")
        .hasMessageContaining("Access denied to account test");
    assertThat(spinnaker.server.requests("GET /credentials/test")).hasSize(1);
  }

  @Test
  void malformedJsonIsReportedNamingTheCall() {
    spinnaker.server.replace("GET /credentials/test", json("{\"name\": \"test\", oops"));
    spinnaker.server.on("GET /tasks/01BAD", json("[1, 2"));

    assertThatThrownBy(() -> spinnaker.clouds.ec2().account("test")).isInstanceOf(Ec2ReadException.class)
        .hasMessageContaining("GET clouddriver /credentials/test answered 200: the body is not JSON");
    assertThatThrownBy(() -> spinnaker.clouds.ec2().task("01BAD")).isInstanceOfSatisfying(
        SpinnakerCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
        .hasMessageContaining("GET orca /tasks/01BAD");
  }

  @Test
  void aBodySlowerThanTheReadTimeoutIsCutOffWithoutHoldingOtherCalls() throws Exception {
    spinnaker.server.replace("GET /credentials/test", stalled());
    var ec2 = spinnaker.clouds.ec2();

    CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> ec2.account("test"));
    var other = ec2.securityGroup("test", "us-east-1", "vpc0", "fnord");

    assertThat(other).isPresent();
    assertThat(slow).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
        .withCauseInstanceOf(Ec2ReadException.class)
        .withMessageContaining("GET clouddriver /credentials/test: no response within PT0.3S (readTimeout)");
    assertThat(spinnaker.server.requests("GET /credentials/test")).hasSize(1);
  }

  @Test
  void opsTimingOutWhileOrcaCreatedTheTaskAdoptsItInsteadOfSubmittingAgain() {
    spinnaker.server.replace("POST /ops", (exchange, request) -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ScriptedServer.send(exchange, 200, "{\"ref\":\"/tasks/01CREATED\"}");
    });
    spinnaker.server.on("GET /executions/correlated/ec2%3Acluster%3Atest%3Afnord-main%3Aus-east-1",
        json("[\"01CREATED\"]"));

    var task = spinnaker.clouds.ec2().submit(resize());

    assertThat(task.id()).isEqualTo("01CREATED");
    assertThat(task.correlationId()).isEqualTo("ec2:cluster:test:fnord-main:us-east-1");
    assertThat(spinnaker.server.requests("POST /ops")).hasSize(1);
  }

  @Test
  void opsFailingWithNoTaskRunningIsSubmittedOnceMore() {
    spinnaker.server.replace("POST /ops", json(502, "Bad Gateway"), json("{\"ref\":\"/tasks/01SECOND\"}"));
    spinnaker.server.on("GET /executions/correlated/ec2%3Acluster%3Atest%3Afnord-main%3Aus-east-1", json("[]"));

    assertThat(spinnaker.clouds.ec2().submit(resize()).id()).isEqualTo("01SECOND");
    assertThat(spinnaker.server.requests("POST /ops")).hasSize(2);
  }

  @Test
  void opsRejectedByOrcaIsReportedAndNeverRetried() {
    spinnaker.server.replace("POST /ops", json(400, "{\"message\":\"No stage builder for type resizeServerGroup\"}"));

    assertThatThrownBy(() -> spinnaker.clouds.ec2().submit(resize())).isInstanceOfSatisfying(
        SpinnakerCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining("POST orca /ops answered 400").hasMessageContaining("No stage builder");
    assertThat(spinnaker.server.requests("POST /ops")).hasSize(1);
    assertThat(spinnaker.server.requests()).noneMatch(r -> r.path().startsWith("/executions/correlated"));
  }

  @Test
  void aSpinnakerThatCannotBeReachedIsReportedAfterTheRetries() throws IOException {
    java.net.URI closed;
    try (ScriptedServer gone = new ScriptedServer()) {
      closed = gone.url();
    }
    var settings = Spinnaker.quick();
    var config = new SpinnakerConfig(closed, closed, settings.user(), settings.userOrigin(), settings.connectTimeout(),
        settings.readTimeout(), settings.opsTimeout(), 3, null, null, null, null, null, settings.baseImages(),
        settings.defaultSecurityGroups());
    List<Duration> pauses = new java.util.ArrayList<>();
    var clouds = new SpinnakerClouds(new dev.keel.spinnaker.http.SpinnakerHttp(SpinnakerClouds.jdk(config, "t"),
        config, pauses::add, () -> 0.5), spinnaker.clock);

    assertThatThrownBy(() -> clouds.ec2().account("test")).isInstanceOf(Ec2ReadException.class)
        .hasMessageContaining("GET clouddriver /credentials/test: no connection after 3 attempts");
    assertThat(pauses).hasSize(2);
  }

  @Test
  void anInterruptedCallIsAbandonedAndKeepsTheInterrupt() {
    spinnaker.server.replace("GET /credentials/test", stalled());
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> spinnaker.clouds.ec2().account("test")).isInstanceOf(Ec2ReadException.class)
          .hasMessageContaining("interrupted (the engine's call deadline passed)");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}

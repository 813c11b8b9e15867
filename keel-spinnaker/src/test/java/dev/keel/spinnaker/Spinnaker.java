package dev.keel.spinnaker;

import static dev.keel.spinnaker.ScriptedServer.json;

import dev.keel.spinnaker.http.Pause;
import dev.keel.spinnaker.http.SpinnakerHttp;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scripted Spinnaker for one test: a local server answering as Clouddriver and Orca (both on the same port), a
 * catalog of one account, and the adapters over the JDK transport, whose back-off only records its waits.
 */
final class Spinnaker implements AutoCloseable {

  static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  final ScriptedServer server;
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
  final SpinnakerClouds clouds;

  Spinnaker() throws IOException {
    this(SpinnakerConfig.defaults(null, null));
  }

  Spinnaker(SpinnakerConfig settings) throws IOException {
    server = new ScriptedServer();
    SpinnakerConfig config = new SpinnakerConfig(server.url(), server.url(), settings.user(), settings.userOrigin(),
        settings.connectTimeout(), settings.readTimeout(), settings.opsTimeout(), settings.readAttempts(), null, null,
        null, null, settings.dockerRegistry(), settings.baseImages(), settings.defaultSecurityGroups());
    Pause recording = pauses::add;
    clouds = new SpinnakerClouds(new SpinnakerHttp(SpinnakerClouds.jdk(config, "test"), config, recording, () -> 0.5),
        clock);
  }

  /** Short timeouts, for the fault tests. */
  static SpinnakerConfig quick() {
    SpinnakerConfig d = SpinnakerConfig.defaults(null, null);
    return new SpinnakerConfig(null, null, d.user(), d.userOrigin(), Duration.ofMillis(500), Duration.ofMillis(300),
        Duration.ofMillis(300), 3, null, null, null, null, null, d.baseImages(), d.defaultSecurityGroups());
  }

  /** The catalog of account {@code test} in us-east-1 and Titus account {@code titustest} backed by it. */
  Spinnaker withCatalog() {
    server.on("GET /networks/aws", json("""
        [{"cloudProvider":"aws","id":"vpc-1","name":"vpc0","account":"test","region":"us-east-1"}]"""));
    server.on("GET /subnets/aws", json("""
        [{"id":"subnet-1","vpcId":"vpc-1","account":"test","region":"us-east-1","availabilityZone":"us-east-1a",
          "purpose":"internal (vpc0)","class":"x"}]"""));
    for (String name : List.of("fnord", "fnord-elb", "other")) {
      server.on("GET /securityGroups/test/aws/us-east-1/" + name, json("{\"id\":\"sg-" + name + "\",\"name\":\""
          + name + "\",\"accountName\":\"test\",\"region\":\"us-east-1\",\"vpcId\":\"vpc-1\",\"inboundRules\":[]}"));
    }
    server.on("GET /credentials/test", json("""
        {"name":"test","type":"aws","accountId":"123456789012","defaultKeyPair":"nf-keypair-{{region}}",
         "regions":[{"name":"us-east-1"},{"name":"us-west-2"}],"environment":"test"}"""));
    server.on("GET /credentials/titustest", json("""
        {"name":"titustest","type":"titus","awsAccount":"test","registry":"testregistry","environment":"test",
         "regions":[{"name":"us-east-1"}]}"""));
    server.on("GET /certificates/aws", json("""
        [{"serverCertificateName":"fnord-cert","arn":"arn:aws:iam::123456789012:server-certificate/fnord-cert"}]"""));
    server.on("POST /ops", json("{\"ref\":\"/tasks/01TASK\"}"));
    return this;
  }

  @Override
  public void close() {
    server.close();
  }
}

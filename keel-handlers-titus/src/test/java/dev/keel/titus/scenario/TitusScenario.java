package dev.keel.titus.scenario;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.VerificationState;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.handler.TitusClouds;
import dev.keel.titus.handler.TitusClusterHandler;
import dev.keel.titus.resolve.ContainerAttributesResolver;
import dev.keel.titus.resolve.EnvironmentVariablesResolver;
import dev.keel.titus.resolve.TitusImageResolver;
import dev.keel.titus.sim.SimulatedTitus;
import dev.keel.titus.verify.TestContainerEvaluator;
import dev.keel.titus.veto.TitusSecurityGroupsVeto;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An engine on virtual time with the Titus plugin's extensions over one simulated Titus; artifact versions
 * are published to and promoted by the engine itself.
 */
final class TitusScenario implements AutoCloseable {

  final VirtualScheduler scheduler;
  /** The simulated Titus: the test seeds it, injects faults into it and reads its truth. */
  final SimulatedTitus cloud;
  /** What the extensions talk to: {@link #cloud} itself, or the Spinnaker adapter over a fake serving it. */
  final SpinnakerPorts ports;
  final TitusCloud port;
  final InMemoryStore store = new InMemoryStore();
  final EngineHarness harness;

  TitusScenario() {
    scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
    cloud = SimulatedTitus.withDefaults(scheduler.clock());
    ports = SpinnakerPorts.of(scheduler.clock(), null, cloud);
    port = ports.titus(cloud);
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).giveUpPolicy(new GiveUpPolicy(1, Duration.ofMinutes(10), 3)).build();
    harness = EngineHarness.builder().scheduler(scheduler).config(config).engine(b -> b.store(store)
        .handler(new TitusClusterHandler(port))
        .taskMonitor(new CloudTaskMonitor(TitusClouds.tasks(port)))
        .resolver(new TitusImageResolver(port))
        .resolver(new ContainerAttributesResolver(port, Map.of("test-us-east-1", "subnet-1,subnet-2")))
        .resolver(new EnvironmentVariablesResolver())
        .veto(new TitusSecurityGroupsVeto(port))
        .verificationEvaluator(new TestContainerEvaluator(port))).build();
  }

  /** Pushes a tag to both default registries. */
  void push(String repository, String tag, String digest) {
    Instant at = scheduler.clock().instant();
    cloud.push("testregistry", new DockerImage(repository, tag, digest, at));
    cloud.push("prodregistry", new DockerImage(repository, tag, digest, at));
  }

  /** Publishes a Docker version to the engine. */
  void publish(String repository, String tag) {
    harness.engine().promotions().publish(new ArtifactVersion("docker", repository, tag,
        scheduler.clock().instant(), "main", Map.of()));
  }

  static DeliveryConfig config(Resource<?>... resources) {
    return Configs.single("fnord", "test", resources);
  }

  boolean converge(DeliveryConfig config, Duration limit) {
    harness.engine().submit(config);
    harness.advance(Duration.ofMinutes(2));
    return harness.advanceUntil(() -> allHappy(config) && noTaskRunning(), Duration.ofMinutes(1), limit);
  }

  boolean converge(Resource<?> resource) {
    return converge(config(resource), Duration.ofHours(2));
  }

  boolean allHappy(DeliveryConfig config) {
    return config.environments().stream().flatMap(e -> e.resources().stream())
        .allMatch(r -> harness.status(r.id()) == ResourceStatus.HAPPY);
  }

  boolean noTaskRunning() {
    return cloud.tasks().stream().allMatch(t -> t.state().isComplete());
  }

  ResourcePlan plan(DeliveryConfig config, String resourceId) {
    harness.runUntilIdle();
    var future = harness.engine().planAsync(config);
    harness.runUntilIdle();
    Plan plan = future.join();
    return plan.resource(resourceId).orElseThrow();
  }

  ResourcePlan plan(Resource<?> resource) {
    return plan(config(resource), resource.id());
  }

  List<Operation> planned(Resource<?> resource) {
    return plan(resource).operations();
  }

  List<VerificationState> verifications(String configName, String environment, String reference) {
    return store.verificationStates(new EnvironmentArtifact(configName, environment, reference));
  }

  @Override
  public void close() {
    try {
      harness.close();
    } finally {
      ports.close();
    }
  }
}

package dev.keel.examples.cli;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.Judgement;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.KeelEngineBuilder;
import dev.keel.engine.PromotionControl;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * An engine on virtual time with the plugins loaded from zips, and the simulated clouds of the simulator plugins:
 * what every command but {@code validate} works on. The CLI configures the SDK's cloud plugins with
 * {@code simulated: true}, so they run on those clouds. It seeds the clouds from a scenario, submits the config,
 * publishes versions and plays timeline events; virtual time only moves when the caller advances it.
 */
final class Simulation implements AutoCloseable {

  /** The SDK's cloud plugins, each configured to run on the simulated cloud of its simulator plugin. */
  static final Map<String, Map<String, Object>> SIMULATED_CLOUDS = Map.of("dev.keel.ec2", Map.of("simulated", true),
      "dev.keel.titus", Map.of("simulated", true));

  private final VirtualScheduler scheduler;
  private final KeelEngine engine;
  private final Map<String, Simulator> simulators;
  private final Instant start;
  @Nullable
  private final FakeSpinnaker spinnaker;
  @Nullable
  private DeliveryConfig config;

  private Simulation(VirtualScheduler scheduler, KeelEngine engine, @Nullable FakeSpinnaker spinnaker) {
    this.scheduler = scheduler;
    this.engine = engine;
    this.spinnaker = spinnaker;
    this.start = scheduler.now();
    this.simulators = activeSimulators(engine);
  }

  /**
   * Loads the plugins into an engine on virtual time; the engine is not started.
   *
   * @param plugins the directory of plugin zips
   * @param start where virtual time starts
   * @param err where plugin failures are reported
   * @return the simulation
   */
  static Simulation open(Path plugins, Instant start, PrintStream err) {
    return open(List.of(plugins), KeelEngineBuilder.DEFAULT_PLUGIN_START_DEADLINE, start, err);
  }

  /**
   * Loads the plugins of several directories into an engine on virtual time; the engine is not started.
   *
   * @param plugins the directories of plugin zips, the built-in one first (it owns its kinds)
   * @param startDeadline how long a plugin may take to start before it is skipped
   * @param start where virtual time starts
   * @param err where plugin failures are reported
   * @return the simulation
   */
  static Simulation open(List<Path> plugins, Duration startDeadline, Instant start, PrintStream err) {
    return open(plugins, startDeadline, start, err, null, CloudChoice.SIMULATED, Map.of());
  }

  /**
   * Loads the plugins of several directories into an engine on virtual time that keeps its state in a store;
   * the engine is not started.
   *
   * @param plugins the directories of plugin zips, the built-in one first (it owns its kinds)
   * @param startDeadline how long a plugin may take to start before it is skipped
   * @param start where virtual time starts
   * @param err where plugin failures are reported
   * @param store the store {@code --store} names, or null for one in memory
   * @return the simulation
   */
  static Simulation open(List<Path> plugins, Duration startDeadline, Instant start, PrintStream err,
      @Nullable StoreOption store) {
    return open(plugins, startDeadline, start, err, store, CloudChoice.SIMULATED, Map.of());
  }

  /**
   * Loads the plugins of several directories into an engine on virtual time that keeps its state in a store,
   * with the cloud plugins on the simulated clouds or on a fake Spinnaker serving them; the engine is not started.
   *
   * @param plugins the directories of plugin zips, the built-in one first (it owns its kinds)
   * @param startDeadline how long a plugin may take to start before it is skipped
   * @param start where virtual time starts
   * @param err where plugin failures are reported
   * @param store the store {@code --store} names, or null for one in memory
   * @param cloud which cloud the cloud plugins talk to
   * @param scenario the scenario file's values (for the base images of the plugins over Spinnaker), or empty
   * @return the simulation
   */
  static Simulation open(List<Path> plugins, Duration startDeadline, Instant start, PrintStream err,
      @Nullable StoreOption store, CloudChoice cloud, Map<String, Object> scenario) {
    checkDirectories(plugins);
    VirtualScheduler scheduler = new VirtualScheduler(start);
    FakeSpinnaker spinnaker = null;
    try {
      spinnaker = cloud == CloudChoice.SPINNAKER ? FakeSpinnakerClouds.start(scheduler.clock(), 0, 0) : null;
      EngineConfig config = EngineConfig.builder().randomSeed(1).pluginConfigs(spinnaker == null ? SIMULATED_CLOUDS
          : FakeSpinnakerClouds.pluginConfigs(spinnaker, scenario)).build();
      KeelEngineBuilder builder = KeelEngine.builder().scheduler(scheduler).config(config)
          .pluginStartDeadline(startDeadline);
      plugins.forEach(builder::plugins);
      if (store != null) {
        store.configure(builder);
      }
      KeelEngine engine = builder.build();
      for (PluginFailure failure : engine.pluginFailures()) {
        err.println("keel: warning: plugin " + failure.pluginId() + " was not loaded: " + failure.reason());
      }
      if (spinnaker != null) {
        FakeSpinnakerClouds.serve(spinnaker, engine.simulators());
      }
      return new Simulation(scheduler, engine, spinnaker);
    } catch (RuntimeException e) {
      if (spinnaker != null) {
        spinnaker.close();
      }
      scheduler.close();
      throw e;
    }
  }

  /**
   * Checks that every plugins directory exists.
   *
   * @param plugins the directories, the built-in one first
   * @throws CliException naming the first one missing
   */
  static void checkDirectories(List<Path> plugins) {
    for (Path dir : plugins) {
      if (!Files.isDirectory(dir)) {
        throw new CliException("keel: no plugins directory at " + dir + (plugins.indexOf(dir) == 0
            ? "; build with 'mvn -B -q package -DskipTests'" : " (given with --plugins)"));
      }
    }
  }

  /** Whether the cloud plugins talk to a fake Spinnaker rather than to the simulated clouds directly. */
  boolean overSpinnaker() {
    return spinnaker != null;
  }

  KeelEngine engine() {
    return engine;
  }

  VirtualScheduler scheduler() {
    return scheduler;
  }

  /** How long the simulation has run. */
  Duration elapsed() {
    return Duration.between(start, scheduler.now());
  }

  Instant start() {
    return start;
  }

  /** The timeline actions of each simulated cloud, by cloud name. */
  Map<String, Set<String>> cloudActions() {
    return actionsOf(simulators);
  }

  /**
   * Seeds the clouds from a scenario's sections; a simulator's complaint is placed at its line in the file.
   *
   * @param scenario the scenario
   */
  void seed(Scenario scenario) {
    seed(simulators, scenario);
  }

  /**
   * Seeds some simulators from a scenario's sections; a simulator's complaint is placed at its line in the file.
   *
   * @param simulators the active simulators by name
   * @param scenario the scenario
   */
  static void seed(Map<String, Simulator> simulators, Scenario scenario) {
    scenario.clouds().forEach((name, section) -> {
      Simulator simulator = simulators.get(name);
      try {
        simulator.seed(section);
      } catch (IllegalArgumentException e) {
        throw new CliException(located(scenario, "clouds." + name, e.getMessage()));
      } catch (RuntimeException e) {
        throw new CliException(scenario.problem("clouds." + name, "the " + name + " simulator failed to seed: " + e));
      }
    });
  }

  /**
   * The active simulators of an engine, by name.
   *
   * @param engine the engine
   * @return them, sorted by name
   */
  static Map<String, Simulator> activeSimulators(KeelEngine engine) {
    Map<String, Simulator> active = new TreeMap<>();
    for (Simulator simulator : engine.simulators()) {
      if (simulator.active()) {
        active.put(simulator.name(), simulator);
      }
    }
    return active;
  }

  /**
   * The timeline actions of each simulator, by name.
   *
   * @param simulators the simulators by name
   * @return their actions
   */
  static Map<String, Set<String>> actionsOf(Map<String, Simulator> simulators) {
    Map<String, Set<String>> actions = new LinkedHashMap<>();
    simulators.forEach((name, sim) -> actions.put(name, sim.actions().keySet()));
    return actions;
  }

  /**
   * Lets each cloud add what the config needs, then stores the config.
   *
   * @param deliveryConfig the config
   */
  void submit(DeliveryConfig deliveryConfig) {
    for (Simulator simulator : simulators.values()) {
      simulator.prepare(deliveryConfig);
    }
    engine.submit(deliveryConfig);
    this.config = deliveryConfig;
  }

  DeliveryConfig config() {
    if (config == null) {
      throw new IllegalStateException("no config submitted");
    }
    return config;
  }

  /** Publishes the first version of every artifact. */
  void publishInitialVersions() {
    for (DeliveryArtifact artifact : config().artifacts()) {
      publish(artifact, InitialVersions.first(artifact), InitialVersions.branch(artifact));
    }
  }

  /**
   * Publishes a version: the clouds first make it deployable, then the engine learns of it.
   *
   * @param artifact the artifact
   * @param version the version
   * @param branch the branch it was built from
   * @return the version as recorded
   */
  String publish(DeliveryArtifact artifact, String version, String branch) {
    String recorded = InitialVersions.recorded(artifact, version);
    for (Simulator simulator : simulators.values()) {
      simulator.published(artifact, recorded);
    }
    engine.promotions().publish(new ArtifactVersion(artifact.type(), artifact.name(), recorded, scheduler.now(),
        branch, Map.of()));
    return recorded;
  }

  /**
   * Plays one timeline event now.
   *
   * @param scenario the scenario, for locating problems
   * @param event the event
   * @return what happened, for the progress line
   * @throws CliException naming the event's line when the engine or a cloud refuses it
   */
  String apply(Scenario scenario, Scenario.TimelineEvent event) {
    DeliveryConfig c = config();
    try {
      return play(event.action(), c.application());
    } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (event.action() instanceof Scenario.CloudAction) {
        throw new CliException(located(scenario, event.path(), message));
      }
      throw new CliException(scenario.problem(event.path(), message));
    }
  }

  private String play(Scenario.Action action, String app) {
    if (action instanceof Scenario.Publish p) {
      DeliveryArtifact artifact = artifact(p.artifact());
      String branch = p.branch() != null ? p.branch() : InitialVersions.branch(artifact);
      return "published " + publish(artifact, p.version(), branch);
    }
    PromotionControl promotions = engine.promotions();
    if (action instanceof Scenario.Judge j) {
      promotions.judge(promotions.where(app, j.environment(), reference(j.artifact())), version(j.artifact(), j.version()),
          j.constraint(), j.approve() ? Judgement.PASS : Judgement.FAIL, Actor.of(j.by(), j.comment()));
    } else if (action instanceof Scenario.Pin p) {
      promotions.pin(promotions.where(app, p.environment(), reference(p.artifact())), version(p.artifact(), p.version()),
          Actor.of(p.by(), p.comment()));
    } else if (action instanceof Scenario.Unpin u) {
      promotions.unpin(promotions.where(app, u.environment(), reference(u.artifact())));
    } else if (action instanceof Scenario.Veto v) {
      promotions.veto(promotions.where(app, v.environment(), reference(v.artifact())), version(v.artifact(), v.version()),
          Actor.of(v.by(), v.comment()));
    } else if (action instanceof Scenario.Unveto u) {
      promotions.unveto(promotions.where(app, u.environment(), reference(u.artifact())), version(u.artifact(), u.version()));
    } else if (action instanceof Scenario.Pause p) {
      if (p.resource() == null) {
        engine.pauses().pauseApplication(app, Actor.of(p.by(), "paused by the scenario"));
      } else {
        engine.pauses().pauseResource(p.resource(), Actor.of(p.by(), "paused by the scenario"));
      }
    } else if (action instanceof Scenario.Resume r) {
      if (r.resource() == null) {
        engine.pauses().resumeApplication(app, Actor.of(r.by()));
      } else {
        engine.pauses().resumeResource(r.resource(), Actor.of(r.by()));
      }
    } else if (action instanceof Scenario.CloudAction a) {
      return a.cloud() + ": " + simulators.get(a.cloud()).apply(a.action(), a.arguments());
    }
    return action.describe();
  }

  /** The artifact a scenario names by reference or by name. */
  DeliveryArtifact artifact(String referenceOrName) {
    List<DeliveryArtifact> artifacts = config().artifacts();
    return artifacts.stream().filter(a -> a.reference().equals(referenceOrName)).findFirst()
        .or(() -> artifacts.stream().filter(a -> a.name().equals(referenceOrName)).findFirst())
        .orElseThrow(() -> new NoSuchElementException("no artifact '" + referenceOrName + "' in the config; it has "
            + artifacts.stream().map(DeliveryArtifact::reference).toList()));
  }

  private String reference(String referenceOrName) {
    return artifact(referenceOrName).reference();
  }

  private String version(String artifact, String version) {
    return InitialVersions.recorded(artifact(artifact), version);
  }

  /**
   * Places a simulator's message, which starts with a path inside its section ({@code images[0].id: ...}),
   * at that path's line in the scenario file.
   */
  private static String located(Scenario scenario, String base, String message) {
    String text = message == null ? "invalid" : message;
    int colon = text.indexOf(": ");
    if (colon > 0 && !text.substring(0, colon).contains(" ")) {
      String inner = text.substring(0, colon);
      String path = inner.startsWith("[") ? base + inner : base + "." + inner;
      return scenario.problem(path, text);
    }
    return scenario.problem(base, text);
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      if (spinnaker != null) {
        spinnaker.close();
      }
      scheduler.close();
    }
  }
}

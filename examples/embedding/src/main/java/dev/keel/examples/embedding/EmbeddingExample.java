package dev.keel.examples.embedding;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.Judgement;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigProblem;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.schedule.SystemScheduler;
import dev.keel.engine.store.StoredResource;
import dev.keel.resolvers.ArtifactVersionResolver;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A host that embeds the Keel engine, to read top to bottom in {@link #run()}: build an engine with the example's
 * extensions registered on the builder, subscribe to its events, see a bad config rejected, plan and submit a
 * good one, publish a version of the site's artifact, let it reach the test environment, approve it for
 * production, print what happened, close the engine.
 *
 * <p>The example takes its scheduler (time and threads) and its {@link Waiter} from outside, so that {@link #main}
 * runs it on the system clock in about half a minute and a test runs the same code on keel-testkit's virtual
 * time in milliseconds.
 */
public final class EmbeddingExample {

  /** The application of the example's delivery config. */
  public static final String APPLICATION = "fnord";

  /** The reference of the npm artifact both sites serve. */
  public static final String ARTIFACT = "fnord-site";

  /** The test site's resource id. */
  public static final String TEST_SITE = "static:site:test.fnord.example.com";

  /** The production site's resource id. */
  public static final String PRODUCTION_SITE = "static:site:www.fnord.example.com";

  /** How long the example's host takes to publish a bundle. */
  public static final Duration PUBLISH_TIME = Duration.ofSeconds(5);

  private static final String CONFIG_RESOURCE = "fnord-site.yml";

  /** A config with mistakes, to show how the engine reports them. */
  private static final String BROKEN_CONFIG = """
      application: fnord
      environments:
      - name: test
        resources:
        - kind: static/site@v1
          spec:
            hostname: test.fnord.example.com
            application: fnord
            artifactReference: fnord-site
            cacheTtl: 60
        - kind: static/site@v1
          spec:
            hostname: WWW.fnord
            application: fnord
            artifactReference: fnord-site
      """;

  /**
   * What the example saw, for its tests.
   *
   * @param problems the problems reported for the broken config
   * @param plan the plan of the config before anything was submitted or published
   * @param statuses each resource's status at the end, by id
   * @param promotion each environment's versions at the end
   * @param events every event the engine published, oldest first
   */
  public record Outcome(List<ConfigProblem> problems, Plan plan, Map<String, ResourceStatus> statuses,
      List<EnvironmentPromotion> promotion, List<KeelEvent> events) {

    /** Copies the collections. */
    public Outcome {
      problems = List.copyOf(problems);
      statuses = Map.copyOf(statuses);
      promotion = List.copyOf(promotion);
      events = List.copyOf(events);
    }

    /**
     * The version current in an environment at the end.
     *
     * @param environment the environment
     * @return the version, if one was current
     */
    public Optional<String> current(String environment) {
      return promotion.stream().filter(p -> p.environment().equals(environment)).findFirst()
          .flatMap(EnvironmentPromotion::current);
    }
  }

  private final Scheduler scheduler;
  private final SiteHost host;
  private final Waiter waiter;
  private final PrintStream out;

  /**
   * An example on a scheduler.
   *
   * @param scheduler the engine's time and threads: a {@link SystemScheduler}, or keel-testkit's virtual one
   * @param host the hosting service the sites live on
   * @param waiter how to let time pass while waiting for the engine
   * @param out where to print
   */
  public EmbeddingExample(Scheduler scheduler, SiteHost host, Waiter waiter, PrintStream out) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.host = Objects.requireNonNull(host, "host");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs the example on the system clock.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    try (SystemScheduler scheduler = new SystemScheduler(clock, "keel-example")) {
      SiteHost host = new SiteHost(clock, PUBLISH_TIME);
      new EmbeddingExample(scheduler, host, Waiter.polling(scheduler, Duration.ofMillis(200)), System.out).run();
    }
  }

  /**
   * Builds the example's engine: its kind's handler, the host as the monitor of the handler's tasks, the
   * artifact version resolver and the security-scan constraint, all registered on the builder (no plugin zips),
   * on the given scheduler.
   *
   * @param scheduler the engine's time and threads; the caller closes it after the engine
   * @param host the hosting service
   * @return the engine, not started
   */
  public static KeelEngine buildEngine(Scheduler scheduler, SiteHost host) {
    return KeelEngine.builder()
        .scheduler(scheduler)                              // or .clock(clock): the engine makes and closes its own
        .config(EngineConfig.builder()
            .checkInterval(Duration.ofSeconds(30))         // recheck every resource this often (±10% jitter)
            .taskPollInterval(Duration.ofSeconds(1))       // ask the host how its jobs are doing
            .promotionCheckInterval(Duration.ofSeconds(5))
            .build())
        .handler(new SiteHandler(host))                    // static/site@v1
        .taskMonitor(host)                                 // follows the jobs SiteHandler starts
        .resolver(new ArtifactVersionResolver())           // writes the approved version into each site's spec
        .constraintEvaluator(new SecurityScanEvaluator())  // the security-scan constraint type
        .build();
  }

  /**
   * The example's delivery config, as YAML.
   *
   * @return the text of {@code fnord-site.yml}
   */
  public static String deliveryConfigYaml() {
    try (InputStream in = EmbeddingExample.class.getResourceAsStream(CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CONFIG_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the example: every step prints what it does, and the engine's events are printed as they come.
   *
   * @return what the example saw
   * @throws IllegalStateException if the engine does not get a version into both environments in time
   */
  public Outcome run() {
    List<KeelEvent> events = new CopyOnWriteArrayList<>();
    try (KeelEngine engine = buildEngine(scheduler, host)) {

      // 1. Subscribe to the engine's events. Subscribers run on engine threads and should return quickly.
      engine.events().subscribe(event -> {
        events.add(event);
        String subject = event instanceof ResourceEvent r ? r.resourceId() : event.application();
        out.printf("  [%s] %s %s: %s%n", event.at(), subject, event.getClass().getSimpleName(), event.message());
      });

      // 2. A config with mistakes is rejected as a whole, every problem with its file, line and column.
      List<ConfigProblem> problems = new ArrayList<>();
      try {
        engine.submit(BROKEN_CONFIG, "broken.yml");
      } catch (ConfigException e) {
        problems.addAll(e.problems());
        out.println("broken.yml was rejected; nothing was stored:");
        e.problems().forEach(problem -> out.println("  " + problem));
      }

      // 3. Read the real config and plan it: nothing runs, nothing is stored.
      DeliveryConfig config = engine.configReader().read(deliveryConfigYaml(), CONFIG_RESOURCE);
      CompletableFuture<Plan> planning = engine.planAsync(config);
      waitFor("the plan", planning::isDone, Duration.ofMinutes(1));
      Plan plan = planning.join();
      out.println("plan of " + plan.deliveryConfig() + ":");
      for (ResourcePlan resource : plan.resources()) {
        out.printf("  %s: %s%s%n", resource.resourceId(), resource.action(),
            resource.message() == null ? "" : " (" + resource.message() + ")");
      }

      // 4. Submit it and start the engine: from now on every resource is checked and kept converged.
      engine.submit(config);
      engine.start();

      // 5. CI published a build: the engine approves it for test, and the test site deploys it.
      out.println("publishing fnord-site 1.0.0");
      engine.promotions().publish(new ArtifactVersion("npm", ARTIFACT, "1.0.0", scheduler.clock().instant(),
          "main", Map.of("commit", "0a1b2c3", "securityScan", "passed")));
      waitFor("1.0.0 to be current in test", () -> isCurrent(engine, "test", "1.0.0"), Duration.ofMinutes(10));

      // 6. Production also needs a passed security scan, which the build reported, and a person's judgement.
      out.println("approving 1.0.0 for production");
      engine.promotions().judge(engine.promotions().where(APPLICATION, "production", ARTIFACT), "1.0.0",
          "manual-judgement", Judgement.PASS, Actor.of("alice", "release notes reviewed"));
      waitFor("1.0.0 to be current in production", () -> isCurrent(engine, "production", "1.0.0"),
          Duration.ofMinutes(10));

      // 7. Print where everything stands.
      Map<String, ResourceStatus> statuses = new LinkedHashMap<>();
      out.println("statuses:");
      for (StoredResource resource : engine.resources()) {
        ResourceStatus status = engine.status(resource.id());
        statuses.put(resource.id(), status);
        out.printf("  %s (%s): %s%n", resource.id(), resource.environment(), status);
      }
      List<EnvironmentPromotion> promotion = engine.promotions().status(APPLICATION);
      out.println("versions:");
      for (EnvironmentPromotion environment : promotion) {
        for (VersionPromotion version : environment.versions()) {
          out.printf("  %s %s %s: %s%n", environment.environment(), environment.artifactReference(),
              version.version(), version.status());
        }
      }
      out.println("history of " + PRODUCTION_SITE + ", newest first:");
      engine.history(PRODUCTION_SITE, 5).forEach(event -> out.println("  " + event.message()));

      return new Outcome(problems, plan, statuses, promotion, events);
    } // 8. Closing the engine stops its loops; the scheduler is closed by whoever made it.
  }

  private static boolean isCurrent(KeelEngine engine, String environment, String version) {
    return engine.promotions().status(APPLICATION).stream()
        .anyMatch(p -> p.environment().equals(environment) && p.current().equals(Optional.of(version)));
  }

  private void waitFor(String what, BooleanSupplier condition, Duration limit) {
    if (!waiter.await(condition, limit)) {
      throw new IllegalStateException("Gave up waiting for " + what + " after " + limit);
    }
  }
}

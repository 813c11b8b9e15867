package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Resolver;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.diff.Sensitive;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import dev.keel.testkit.Configs;
import dev.keel.testkit.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Sensitive} values, declared in a spec or filled in by a resolver from a vault, never reach the text
 * plan, the JSON plan, or the string forms of plans and events.
 */
class PlanSecretsTest {

  private static final ResourceKind KIND = ResourceKind.parse("vault/service@v1");
  private static final String DECLARED_KEY = "declared-key-1f3a";
  private static final String CURRENT_KEY = "current-key-9b2c";
  private static final String VAULT_PASSWORD = "vault-password-77e1";
  private static final String CURRENT_PASSWORD = "current-password-04d5";
  private static final List<String> SECRETS = List.of(DECLARED_KEY, CURRENT_KEY, VAULT_PASSWORD, CURRENT_PASSWORD);

  /** A spec with a declared secret and one a resolver fills in from the vault path it names. */
  record ServiceSpec(String name, String application, int replicas, @Sensitive String apiKey, String passwordPath,
      @Sensitive @Nullable String password) implements ResourceSpec {
    @Override
    public String id() {
      return name;
    }
  }

  record Service(int replicas, @Sensitive String apiKey, @Sensitive @Nullable String password) {}

  record Rewrite(String type, String description, Service target) implements Operation {}

  /** Fills {@code password} from the vault. */
  static final class VaultResolver implements Resolver<ServiceSpec> {
    @Override
    public String name() {
      return "vault";
    }

    @Override
    public boolean supports(Resource<?> resource) {
      return resource.spec() instanceof ServiceSpec;
    }

    @Override
    public Resource<ServiceSpec> resolve(Resource<ServiceSpec> resource, ResourceContext context) {
      ServiceSpec s = resource.spec();
      String secret = Map.of("secret/db", VAULT_PASSWORD).get(s.passwordPath());
      return new Resource<>(resource.kind(), resource.metadata(),
          new ServiceSpec(s.name(), s.application(), s.replicas(), s.apiKey(), s.passwordPath(), secret));
    }
  }

  static final class ServiceHandler implements ResourceHandler<ServiceSpec, Service> {
    final Map<String, Service> cloud = new ConcurrentHashMap<>();

    @Override
    public SupportedKind<ServiceSpec> supportedKind() {
      return new SupportedKind<>(KIND, ServiceSpec.class);
    }

    @Override
    public Service desired(Resource<ServiceSpec> resource, ResourceContext context) {
      ServiceSpec s = resource.spec();
      return new Service(s.replicas(), s.apiKey(), s.password());
    }

    @Override
    public Service current(Resource<ServiceSpec> resource, ResourceContext context) {
      return cloud.get(resource.spec().name());
    }

    @Override
    public Actuation plan(Resource<ServiceSpec> resource, ResourceDiff<Service> diff, ResourceContext context) {
      String type = diff.current() == null ? "create" : "update";
      return Actuation.of(new Rewrite(type, type + " " + resource.spec().name(), diff.desired()));
    }

    @Override
    public List<Task> execute(Resource<ServiceSpec> resource, Actuation actuation, ResourceContext context) {
      return List.of();
    }
  }

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final ServiceHandler handler = new ServiceHandler();
  private final List<KeelEvent> events = new ArrayList<>();
  private final KeelEngine engine = KeelEngine.builder().scheduler(scheduler).handler(handler)
      .resolver(new VaultResolver()).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Resource<ServiceSpec> service(String name) {
    return new Resource<>(KIND, new ServiceSpec(name, "fnord", 2, DECLARED_KEY, "secret/db", null));
  }

  private static void assertNoSecret(String what, String text) {
    assertThat(text).as(what).doesNotContain(SECRETS);
  }

  @Test
  void neitherThePlanTextNorItsJsonNorAnyToStringHoldsASecret() {
    handler.cloud.put("drifted", new Service(1, CURRENT_KEY, CURRENT_PASSWORD));
    DeliveryConfig config = Configs.single("fnord", "test", service("drifted"), service("missing"));
    engine.events().subscribe(events::add);
    engine.submit(config);

    Plan plan = engine.plan(config);
    engine.start();
    scheduler.runUntilIdle();

    assertThat(plan.resources()).extracting(ResourcePlan::action)
        .containsExactly(PlannedAction.UPDATE, PlannedAction.CREATE);
    assertThat(plan.resource("vault:service:drifted").orElseThrow().resolvers()).singleElement()
        .satisfies(r -> assertThat(r.changes()).isNotEmpty());
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PlanCommand.print(new PrintStream(text, true, StandardCharsets.UTF_8), plan, config, "fnord.yml", scheduler.now(),
        java.time.ZoneOffset.UTC);
    String json = Json.write(PlanCommand.json(plan, config, "fnord.yml", scheduler.now()));

    assertNoSecret("text plan", text.toString(StandardCharsets.UTF_8));
    assertNoSecret("JSON plan", json);
    assertNoSecret("Plan.toString", plan.toString());
    plan.resources().forEach(p -> assertNoSecret("ResourcePlan.toString", p.toString()));
    assertThat(events).isNotEmpty();
    events.forEach(e -> assertNoSecret("event " + e.getClass().getSimpleName(), e.toString()));
    assertNoSecret("history", engine.history("vault:service:drifted").toString());
    // The values are there, masked: the plan still shows what would change.
    assertThat(json).contains("\"/apiKey\"", "\"/password\"", "****");
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("~ /replicas: 1 -> 2", "+ /apiKey = \"****\"");
  }
}

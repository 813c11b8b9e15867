package dev.keel.testkit.spinnaker;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.titus.api.TitusCloud;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A fake Spinnaker: Clouddriver's reads and Orca's tasks served over HTTP from an {@link Ec2Cloud} and a
 * {@link TitusCloud} (normally the simulated ones), in the shapes of the real services, each service on its own
 * port of the loopback interface. It is what the Spinnaker adapters talk to in tests and in
 * {@code keel run --cloud spinnaker}.
 *
 * <pre>{@code
 * SimulatedEc2 ec2 = SimulatedEc2.withDefaults(scheduler.clock());
 * SimulatedTitus titus = SimulatedTitus.withDefaults(scheduler.clock());
 * try (FakeSpinnaker spinnaker = FakeSpinnaker.builder(scheduler.clock()).ec2(ec2).titus(titus).start()) {
 *   URI clouddriver = spinnaker.clouddriverUrl();
 *   URI orca = spinnaker.orcaUrl();
 *   spinnaker.faults().next(Route.clouddriver("GET", "/applications/**"), 1, new Fault.Status(503));
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Time.</b> The clouds run on their own clock (virtual time in tests and the CLI). The server's threads
 * never wait for that clock: a request is answered at once from the cloud's current state, so a task advances
 * only as the test or the engine moves time. Ids are derived from what they name, never random, so two runs on
 * virtual time see the same answers.
 *
 * <p><b>What it checks.</b> Every call needs {@code X-SPINNAKER-USER} (403 without, unless
 * {@link Builder#requireUser(boolean)} is off); bodies are bounded ({@link Builder#maxRequestBytes}, 413 above);
 * only loopback clients are answered. Every request is recorded ({@link #requests()}).
 */
public final class FakeSpinnaker implements AutoCloseable {

  /** Orca's own {@code default.securityGroups}: {@code nf-infrastructure} and {@code nf-datacenter}. */
  public static final List<String> ORCA_DEFAULT_SECURITY_GROUPS = List.of("nf-infrastructure", "nf-datacenter");

  private final Clouds clouds;
  private final Faults faults = new Faults();
  private final Pipelines pipelines;
  private final OrcaTasks tasks;
  private final HttpService clouddriver;
  private final HttpService orca;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<String> defaultSecurityGroups;

  private FakeSpinnaker(Builder b) {
    this.clouds = new Clouds(b.defaultSecurityGroups);
    this.defaultSecurityGroups = b.defaultSecurityGroups;
    if (b.ec2 != null) {
      clouds.ec2(b.ec2);
    }
    if (b.titus != null) {
      clouds.titus(b.titus);
    }
    FakeIds ids = new FakeIds();
    this.pipelines = new Pipelines(b.clock, ids);
    this.tasks = new OrcaTasks(clouds, ids, b.clock);
    Router clouddriverRoutes = new ClouddriverRoutes(clouds, ids, b.clock).router();
    Router orcaRoutes = new OrcaRoutes(new OrcaJobReader(clouds, ids), tasks, pipelines).router();
    this.clouddriver = new HttpService(Service.CLOUDDRIVER, b.clouddriverPort, clouddriverRoutes, faults,
        this::record, b.maxRequestBytes, b.requireUser, b.threads);
    try {
      this.orca = new HttpService(Service.ORCA, b.orcaPort, orcaRoutes, faults, this::record, b.maxRequestBytes,
          b.requireUser, b.threads);
    } catch (RuntimeException e) {
      clouddriver.close();
      throw e;
    }
  }

  /**
   * A builder.
   *
   * @param clock the clock of the clouds served (the fake's own tasks and pipelines follow it too)
   * @return the builder
   */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /**
   * Clouddriver's base URL, such as {@code http://127.0.0.1:41234}.
   *
   * @return the URL
   */
  public URI clouddriverUrl() {
    return clouddriver.url();
  }

  /**
   * Orca's base URL.
   *
   * @return the URL
   */
  public URI orcaUrl() {
    return orca.url();
  }

  /**
   * The security groups this fake's Orca adds to every deploy, those of them that exist in the deploy's account
   * and region (Orca's {@code default.securityGroups}); Titus deploys also get the application's own group when
   * it exists. Configure the adapters' {@code defaultSecurityGroups} setting the same.
   *
   * @return the groups
   */
  public List<String> defaultSecurityGroups() {
    return defaultSecurityGroups;
  }

  /**
   * Serves an EC2 from now on (the CLI attaches the simulator plugin's once the engine has made it).
   *
   * @param ec2 the EC2
   */
  public void serve(Ec2Cloud ec2) {
    clouds.ec2(Objects.requireNonNull(ec2, "ec2"));
  }

  /**
   * Serves a Titus from now on.
   *
   * @param titus the Titus
   */
  public void serve(TitusCloud titus) {
    clouds.titus(Objects.requireNonNull(titus, "titus"));
  }

  /**
   * The faults to inject.
   *
   * @return them
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The pipelines, to script their outcomes.
   *
   * @return them
   */
  public Pipelines pipelines() {
    return pipelines;
  }

  /**
   * Every request so far, in the order they arrived, across both services.
   *
   * @return the requests
   */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The requests one service received.
   *
   * @param service the service
   * @return them, in order
   */
  public synchronized List<RecordedRequest> requests(Service service) {
    return requests.stream().filter(r -> r.service() == service).toList();
  }

  /**
   * How many times a task with a correlation id was submitted to {@code POST /ops}, including submissions
   * answered with the execution already running.
   *
   * @param correlationId the trigger's correlation id
   * @return the count
   */
  public int submissions(String correlationId) {
    return tasks.submissions(correlationId);
  }

  private synchronized void record(Service service, Request r, String rawQuery, int status, @Nullable Fault fault) {
    requests.add(new RecordedRequest(requests.size() + 1L, service, r.method(), r.path(), rawQuery, r.headers(),
        r.body(), status, fault));
  }

  /** Stops both services; requests waiting at a gate are let go first. */
  @Override
  public void close() {
    faults.openGates();
    try {
      clouddriver.close();
    } finally {
      orca.close();
    }
  }

  /** Builds and starts a {@link FakeSpinnaker}. */
  public static final class Builder {
    private final Clock clock;
    @Nullable
    private Ec2Cloud ec2;
    @Nullable
    private TitusCloud titus;
    private int clouddriverPort;
    private int orcaPort;
    private int maxRequestBytes = 1 << 20;
    private boolean requireUser = true;
    private int threads = 8;
    private List<String> defaultSecurityGroups = ORCA_DEFAULT_SECURITY_GROUPS;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The EC2 to serve.
     *
     * @param cloud the cloud
     * @return this
     */
    public Builder ec2(Ec2Cloud cloud) {
      this.ec2 = cloud;
      return this;
    }

    /**
     * The Titus to serve.
     *
     * @param cloud the cloud
     * @return this
     */
    public Builder titus(TitusCloud cloud) {
      this.titus = cloud;
      return this;
    }

    /**
     * The ports to listen on; 0 (the default) picks free ones.
     *
     * @param clouddriver Clouddriver's port
     * @param orca Orca's port
     * @return this
     */
    public Builder ports(int clouddriver, int orca) {
      if (clouddriver < 0 || clouddriver > 65535 || orca < 0 || orca > 65535) {
        throw new IllegalArgumentException("Ports are between 0 and 65535, got " + clouddriver + " and " + orca);
      }
      this.clouddriverPort = clouddriver;
      this.orcaPort = orca;
      return this;
    }

    /**
     * The largest request body accepted (1 MiB by default); larger ones are answered 413.
     *
     * @param bytes the limit
     * @return this
     */
    public Builder maxRequestBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be positive, got " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * Whether a request without {@code X-SPINNAKER-USER} is refused with 403 (true by default, as Fiat would).
     *
     * @param require whether to require it
     * @return this
     */
    public Builder requireUser(boolean require) {
      this.requireUser = require;
      return this;
    }

    /**
     * How many requests each service answers at once (8 by default); a request held at a gate takes one.
     *
     * @param count the count
     * @return this
     */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be positive, got " + count);
      }
      this.threads = count;
      return this;
    }

    /**
     * The groups Orca adds to every deploy ({@code default.securityGroups}; by default Orca's own,
     * {@code nf-infrastructure} and {@code nf-datacenter}).
     *
     * @param groups the group names
     * @return this
     */
    public Builder defaultSecurityGroups(List<String> groups) {
      this.defaultSecurityGroups = List.copyOf(groups);
      return this;
    }

    /**
     * Starts the fake on 127.0.0.1.
     *
     * @return the running fake
     * @throws java.io.UncheckedIOException if a port is taken
     */
    public FakeSpinnaker start() {
      FakeSpinnaker fake = new FakeSpinnaker(this);
      fake.clouddriver.start();
      fake.orca.start();
      return fake;
    }
  }
}

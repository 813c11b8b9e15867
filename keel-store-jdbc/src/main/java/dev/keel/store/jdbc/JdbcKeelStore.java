package dev.keel.store.jdbc;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.CheckInputs;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.Retention;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.StoredStatus;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.SubmittedDocument;
import dev.keel.engine.store.TaskRecord;
import dev.keel.engine.store.VerificationState;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;
import javax.sql.DataSource;

/**
 * The engine's store in a relational database, through JDBC: H2 2.x embedded (in memory or in a file, for one
 * process), or PostgreSQL 12+ and MySQL 8 / MariaDB 10.6+, which several engine instances can share. It passes
 * keel-testkit's {@code StoreContract}, as {@link dev.keel.engine.store.InMemoryStore} does.
 *
 * <pre>{@code
 * JdbcKeelStore store = JdbcKeelStore.builder()
 *     .dataSource(hostDataSource)          // or .jdbcUrl("jdbc:postgresql://db/keel", user, password) with HikariCP
 *     .kinds(registry)                     // the kinds stored configs use
 *     .build();                            // migrates the keel_ tables first
 * }</pre>
 *
 * <p><b>Sharing the work.</b> {@link #claimDue} gives each due check to exactly one instance for a lease, with a
 * fence greater than every earlier claim of the resource: by {@code SKIP LOCKED} on PostgreSQL (one
 * {@code UPDATE ... RETURNING}) and MySQL, by compare-and-set on H2. Writes made under a {@link Lease}, and
 * {@link #beginActuation}, hold the schedule row on the condition that the lease is still held, so a stale
 * instance's write fails with {@link dev.keel.engine.store.LeaseLostException} and writes nothing. Lease times come
 * from the database's clock ({@link ClockSource#DATABASE}, the default) or the engine's.
 *
 * <p><b>Tables.</b> Every table is named with a prefix ({@code keel_} by default), and the store migrates them
 * itself at {@link JdbcKeelStoreBuilder#build()}, under a database lock, from scripts under {@code dev/keel/store/jdbc/schema}
 * (a path Flyway, Liquibase and Spring Boot do not scan), recording them in {@code <prefix>schema_history} with
 * checksums. A changed script or a newer schema stops the build with a {@link SchemaMismatchException}. Columns
 * are portable types: times are {@code BIGINT} microseconds since the epoch, JSON is text the engine's own codecs
 * read, with no views or generated columns.
 *
 * <p><b>Transactions.</b> Each operation is one short transaction at READ COMMITTED; invariants rest on unique keys
 * and conditional updates, not locking reads. A transaction that loses a conflict (deadlock, serialization
 * failure) is retried; any other database failure rolls back and surfaces as a {@link JdbcStoreException}, so a
 * lost connection fails the operation and changes nothing.
 *
 * <p><b>Reading configs back.</b> Delivery configs and resources are stored in Keel's config format and read back
 * by the engine's config reader, against the {@link JdbcKeelStoreBuilder#kinds(KindRegistry) kinds} given: a store must know
 * every kind (and custom constraint, verification and artifact type) its configs use. {@link #storedStatuses()} is
 * the exception: it reads no spec, so it needs no kind.
 *
 * <p><b>Retention.</b> History and tasks are kept as the {@link Retention} says, as in memory: bounded per
 * resource and application by count and age, and dropped with a removed resource (or deleted config) after the
 * grace period.
 *
 * <p>Thread-safe. {@link #close()} closes the pool the store built from a URL; a host's data source is left open.
 */
public final class JdbcKeelStore implements KeelStore, AutoCloseable {

  private final Dialect dialect;
  private final String prefix;
  @Nullable private final Closeable ownPool;
  private final ConfigTables configs;
  private final ScheduleTable schedule;
  private final HistoryTables history;
  private final TaskTable tasks;
  private final PauseTable pauses;
  private final ArtifactTable artifacts;
  private final PromotionTables promotions;
  private final Retainer retainer;
  private final Checks checks;

  JdbcKeelStore(DataSource dataSource, @Nullable Closeable ownPool, Dialect dialect, JdbcKeelStoreBuilder b) {
    this.dialect = dialect;
    this.prefix = b.prefix;
    this.ownPool = ownPool;
    Database db = new Database(dataSource, dialect.sql(), b.clockSource);
    Tables tables = new Tables(b.prefix);
    Codec codec = new Codec(b.kinds);
    this.retainer = new Retainer(db, tables, b.retention);
    this.schedule = new ScheduleTable(db, tables);
    this.configs = new ConfigTables(db, tables, codec, schedule, retainer);
    this.history = new HistoryTables(db, tables, codec, schedule, retainer);
    this.tasks = new TaskTable(db, tables, codec, schedule, b.retention.maxEvents());
    this.pauses = new PauseTable(db, tables, codec);
    this.artifacts = new ArtifactTable(db, tables, codec);
    this.promotions = new PromotionTables(db, tables, codec);
    this.checks = new Checks(db, tables, codec, schedule, history);
  }

  /**
   * A builder: no data source yet, prefix {@code keel_}, migrations on, the database's clock, default retention,
   * the built-in types only.
   *
   * @return a new builder
   */
  public static JdbcKeelStoreBuilder builder() {
    return new JdbcKeelStoreBuilder();
  }

  /**
   * The database's dialect.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * The prefix of the store's tables.
   *
   * @return the prefix
   */
  public String tablePrefix() {
    return prefix;
  }

  /** Closes the connection pool the store built from a JDBC URL; a data source given to it is left open. */
  @Override
  public void close() {
    if (ownPool != null) {
      try {
        ownPool.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  // ---- calls across tables

  /** What a check starts from, in one query. */
  @Override
  public Optional<CheckInputs> checkInputs(String resourceId, int historyLimit) {
    return Optional.ofNullable(checks.inputs(List.of(resourceId), historyLimit).get(resourceId));
  }

  /** What the checks of several resources start from, in one query per 64. */
  @Override
  public Map<String, CheckInputs> checkInputs(List<String> resourceIds, int historyLimit) {
    return checks.inputs(resourceIds, historyLimit);
  }

  /** What a check ends with, in one transaction; on PostgreSQL in one statement when it records no events. */
  @Override
  public void completeCheck(String resourceId, Lease lease, @Nullable ResourceState state, List<ResourceEvent> events,
      Instant next) {
    checks.complete(resourceId, lease, state, events, next);
  }

  // ---- DeliveryConfigRepository

  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, Instant at) {
    return configs.store(config, null, at);
  }

  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, @Nullable SubmittedDocument document, Instant at) {
    return configs.store(config, document, at);
  }

  @Override
  public Optional<SubmittedDocument> submittedDocument(String name) {
    return configs.document(name);
  }

  @Override
  public List<String> deleteDeliveryConfig(String name) {
    return configs.delete(name);
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfig(String name) {
    return configs.config(name);
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfigForApplication(String application) {
    return configs.configForApplication(application);
  }

  @Override
  public List<DeliveryConfig> deliveryConfigs() {
    return configs.configs();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads each config's outline from its rows without decoding a spec, so it needs no kind: a store built
   * without the configs' kinds (and without migrating) shows them.
   */
  @Override
  public List<StoredStatus> storedStatuses() {
    return configs.outlines().stream().map(o -> StoredStatus.read(o, this)).toList();
  }

  // ---- ResourceRepository

  @Override
  public Optional<StoredResource> resource(String id) {
    return configs.resource(id);
  }

  @Override
  public List<StoredResource> resources() {
    return configs.resources();
  }

  @Override
  public ResourceState state(String id) {
    return configs.state(id);
  }

  @Override
  public void saveState(ResourceState state) {
    configs.saveState(state);
  }

  @Override
  public void saveState(ResourceState state, Lease lease) {
    configs.saveState(state, lease);
  }

  // ---- ResourceHistory

  @Override
  public void appendEvent(KeelEvent event) {
    history.append(event);
  }

  @Override
  public void appendEvent(ResourceEvent event, Lease lease) {
    history.append(event, lease);
  }

  @Override
  public List<KeelEvent> history(String id, int limit) {
    return history.history(id, limit);
  }

  @Override
  public Optional<ResourceEvent> lastResourceEvent(String id) {
    return history.last(id);
  }

  // ---- PauseRepository

  @Override
  public void savePause(Pause pause) {
    pauses.save(pause);
  }

  @Override
  public boolean removePause(PauseScope scope, String name) {
    return pauses.remove(scope, name);
  }

  @Override
  public Optional<Pause> pause(PauseScope scope, String name) {
    return pauses.get(scope, name);
  }

  // ---- TaskRepository

  @Override
  public void saveTask(TaskRecord task) {
    tasks.save(task);
  }

  @Override
  public void saveTask(TaskRecord task, Lease lease) {
    tasks.save(task, lease);
  }

  @Override
  public boolean completeTask(TaskRecord completed) {
    return tasks.complete(completed);
  }

  @Override
  public List<TaskRecord> incompleteTasks() {
    return tasks.incomplete();
  }

  @Override
  public List<TaskRecord> tasks(String resourceId) {
    return tasks.of(resourceId);
  }

  // ---- CheckSchedule

  @Override
  public List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    List<DueCheck> claimed = schedule.claimDue(now, limit, owner, lease);
    retainer.advance(now);
    return claimed;
  }

  @Override
  public void reschedule(String resourceId, String owner, Instant next) {
    schedule.reschedule(resourceId, owner, next);
  }

  @Override
  public void reschedule(String resourceId, Lease lease, Instant next) {
    schedule.reschedule(resourceId, lease, next);
  }

  @Override
  public boolean renewLease(String resourceId, Lease lease, Instant now, Duration extension) {
    return schedule.renew(resourceId, lease, now, extension);
  }

  @Override
  public void beginActuation(String resourceId, Lease lease, String correlationId, Instant now) {
    schedule.beginActuation(resourceId, lease, correlationId, now);
  }

  @Override
  public boolean triggerCheck(String resourceId) {
    return schedule.trigger(resourceId);
  }

  @Override
  public Optional<Instant> nextDue() {
    return schedule.nextDue();
  }

  @Override
  public Optional<Instant> dueAt(String resourceId) {
    return schedule.dueAt(resourceId);
  }

  // ---- ArtifactRepository

  @Override
  public boolean storeArtifactVersion(ArtifactVersion version) {
    return artifacts.store(version);
  }

  @Override
  public List<ArtifactVersion> artifactVersions(String type, String name) {
    return artifacts.versions(type, name);
  }

  // ---- PromotionRepository

  @Override
  public List<PromotionRecord> promotions(EnvironmentArtifact where) {
    return promotions.promotions(where);
  }

  @Override
  public void savePromotions(List<PromotionRecord> records) {
    promotions.savePromotions(records);
  }

  @Override
  public List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    return promotions.constraintStates(where, version);
  }

  @Override
  public void saveConstraintState(ConstraintState state) {
    promotions.saveConstraintState(state);
  }

  @Override
  public Optional<Pin> pin(EnvironmentArtifact where) {
    return promotions.pin(where);
  }

  @Override
  public void savePin(Pin pin) {
    promotions.savePin(pin);
  }

  @Override
  public boolean removePin(EnvironmentArtifact where) {
    return promotions.removePin(where);
  }

  @Override
  public List<VerificationState> verificationStates(EnvironmentArtifact where) {
    return promotions.verificationStates(where);
  }

  @Override
  public void saveVerificationState(VerificationState state) {
    promotions.saveVerificationState(state);
  }

  @Override
  public void queueForApproval(EnvironmentArtifact where, String version) {
    promotions.queueForApproval(where, version);
  }

  @Override
  public List<String> approvalQueue(EnvironmentArtifact where) {
    return promotions.approvalQueue(where);
  }

  @Override
  public void dequeueApproval(EnvironmentArtifact where, String version) {
    promotions.dequeueApproval(where, version);
  }
}

package dev.keel.store.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.Resource;
import dev.keel.store.jdbc.it.Instances.Check;
import dev.keel.store.jdbc.it.Instances.Instance;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three engine instances share one database and 1,000 resources, on one virtual clock (deterministic, no real waiting:
 * leases expire in virtual time on the engine's clock source). Drift is injected again and again into the shared
 * simulated cloud: each drift is acted on exactly once, no resource is ever inside checks of two instances at once,
 * and all three do a share of the work. Then one instance stalls mid-check past its lease (another takes the check
 * over and acts; the fence refuses the stalled one when it wakes), and one dies (its claims are taken over within the
 * lease and one check interval).
 */
abstract class SeveralInstancesTest {

  private static final int RESOURCES = 1_000;
  private static final int DRIFTS_PER_ROUND = 40;
  private static final int ROUNDS = 3;
  private static final Duration INTERVAL = Duration.ofMinutes(2);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final FakeModel IN_SYNC = new FakeModel(1, "1.0");

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final Instances instances = new Instances(scheduler, cloud);
  private final Random random = new Random(17);
  private Db db;
  private int injected;

  /** A fresh database for the test. */
  abstract Db database();

  @AfterEach
  void close() {
    instances.close();
  }

  private static String name(int i) {
    return String.format("thing-%04d", i);
  }

  @Test
  void threeInstancesShareTheWorkActOnceOnEachDriftAndTakeOverFromOneThatStallsOrDies() throws SQLException {
    db = database();
    Resource<?>[] things = new Resource<?>[RESOURCES];
    for (int i = 0; i < RESOURCES; i++) {
      cloud.put(name(i), IN_SYNC);
      things[i] = Configs.thing(name(i), "fleet", 1);
    }
    List<Instance> all = List.of(instances.start(db, Instances.config(1, INTERVAL, LEASE)),
        instances.start(db, Instances.config(2, INTERVAL, LEASE)), instances.start(db, Instances.config(3, INTERVAL, LEASE)));
    all.get(0).engine.submit(Configs.single("fleet", "production", things));
    scheduler.advance(INTERVAL);

    driftRounds();
    stalledInstanceIsFencedOff(all);
    deadInstanceIsTakenOver(all.get(2), List.of(all.get(0), all.get(1)));
  }

  /** Drift in rounds, each fixed by exactly one actuation, with no two instances inside one resource's check. */
  private void driftRounds() {
    for (int round = 0; round < ROUNDS; round++) {
      for (int n = 0; n < DRIFTS_PER_ROUND; n++) {
        drift(quietThing());
      }
      scheduler.advance(Duration.ofMinutes(1));
    }
    scheduler.advance(INTERVAL.multipliedBy(2).plusMinutes(1));

    assertThat(instances.overlaps).as("resources checked by two instances at once").isEmpty();
    assertThat(cloud.launchedTasks()).as("actuations of %d drifts", injected).isEqualTo(injected);
    for (int i = 0; i < RESOURCES; i++) {
      assertThat(cloud.get(name(i))).as(name(i)).contains(IN_SYNC);
    }
    Map<String, Integer> perInstance = new HashMap<>();
    instances.checks.values().forEach(list -> list.forEach(c -> perInstance.merge(c.instance(), 1, Integer::sum)));
    int total = instances.totalChecks();
    assertThat(total).as("checks over %s of periodic checks", INTERVAL).isGreaterThan(RESOURCES * 3);
    assertThat(perInstance).hasSize(3).allSatisfy((instance, count) ->
        assertThat(count).as("checks by %s of %d", instance, total).isGreaterThan(total / 6));
  }

  /** A thing in sync, with no task running, chosen at random. */
  private int quietThing() {
    while (true) {
      int i = random.nextInt(RESOURCES);
      if (cloud.get(name(i)).map(IN_SYNC::equals).orElse(false) && !cloud.hasRunningTask(name(i))) {
        return i;
      }
    }
  }

  private void drift(int i) {
    cloud.put(name(i), new FakeModel(2, "1.0"));
    injected++;
  }

  /**
   * One instance holds a check inside current() (having read the drift) and stalls: it neither claims nor renews.
   * Once its lease expires another instance takes the check over and acts; when the stalled one goes on, the fence
   * refuses its actuation.
   */
  private void stalledInstanceIsFencedOff(List<Instance> all) {
    instances.watchOverlaps.set(false); // the stalled instance is, by design, still inside the check
    int x = quietThing();
    String thing = name(x);
    all.forEach(i -> i.holdAfterReading = thing::equals);
    drift(x);
    Instant deadline = scheduler.now().plus(INTERVAL.multipliedBy(2));
    Instance stalled = null;
    while (stalled == null && scheduler.now().isBefore(deadline)) {
      scheduler.advance(Duration.ofSeconds(1));
      stalled = all.stream().filter(i -> i.holding.get() > 0).findFirst().orElse(null);
    }
    assertThat(stalled).as("an instance holding the check of %s", thing).isNotNull();
    Instance held = stalled;
    all.forEach(i -> i.holdAfterReading = name -> false);
    held.stalled.set(true);
    scheduler.advance(LEASE.plusSeconds(15));

    assertThat(instances.executions(thing)).as("%s acted on by the instance that took over", thing).isEqualTo(1);
    held.release();
    scheduler.runUntilIdle();
    held.stalled.set(false);
    scheduler.advance(INTERVAL.plusMinutes(2));

    assertThat(instances.executions(thing)).as("actuations of %s", thing).isEqualTo(1);
    assertThat(cloud.launchedTasks()).isEqualTo(injected);
    assertThat(cloud.get(thing)).contains(IN_SYNC);
    assertThat(held.engine.history("fake:thing:" + thing, 100)).filteredOn(e -> e instanceof ResourceEvent.CheckAbandoned a
        && a.instance().equals(held.id) && a.phase().equals("before acting")).isNotEmpty();
  }

  /**
   * One instance dies: its handler hangs and its database connections fail, so its leases are neither renewed nor
   * released. Every check it had claimed is made by another instance within the lease and one check interval.
   */
  private void deadInstanceIsTakenOver(Instance victim, List<Instance> survivors) throws SQLException {
    victim.holdAll = true;
    Instant limit = scheduler.now().plus(INTERVAL.multipliedBy(2));
    while (victim.holding.get() < 20 && scheduler.now().isBefore(limit)) {
      scheduler.advance(Duration.ofSeconds(5)); // its claims pile up, held
    }
    Set<String> claimed = leasedBy(victim.id);
    assertThat(claimed).as("checks the victim holds when it dies").hasSizeGreaterThanOrEqualTo(20);
    victim.outage.down();
    Instant death = scheduler.now();
    Instant bound = death.plus(LEASE).plus(INTERVAL.multipliedBy(11).dividedBy(10));
    scheduler.advanceTo(bound);

    List<String> late = new ArrayList<>();
    for (String id : claimed) {
      String thing = id.substring("fake:thing:".length());
      boolean takenOver = instances.checks.get(thing).stream().anyMatch((Check c) -> !c.instance().equals(victim.id)
          && c.at().isAfter(death) && !c.at().isAfter(bound));
      if (!takenOver) {
        late.add(id);
      }
    }
    assertThat(late).as("checks of the dead instance not taken over by %s", bound).isEmpty();
    assertThat(leasedBy(victim.id)).as("leases still held by the dead instance").isEmpty();
    survivors.forEach(s -> assertThat(s.outage.refused()).isZero());
  }

  /** The resources whose schedule row names an instance as the lease holder, read from the database directly. */
  private Set<String> leasedBy(String instance) throws SQLException {
    Set<String> ids = new TreeSet<>();
    try (Connection c = instances.all.get(0).pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT resource_id FROM keel_check_schedule WHERE lease_owner = ?")) {
      ps.setString(1, instance);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}

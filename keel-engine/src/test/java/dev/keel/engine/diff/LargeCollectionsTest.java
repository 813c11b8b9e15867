package dev.keel.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import dev.keel.spi.diff.DiffIgnore;
import dev.keel.spi.diff.DiffKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Collections large enough to be matched by hash rather than by scan. */
class LargeCollectionsTest {

  private final Differ differ = Differ.builder().build();

  record Device(String name, int size, @DiffIgnore String snapshot) {}

  record Disks(Set<Device> devices) {}

  record Route(@DiffKey String cidr, String target, @DiffIgnore String id) {}

  record Table(List<Route> routes) {}

  private static List<Device> devices(int n, String snapshot) {
    List<Device> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Device("/dev/sd" + i, 8 * (i % 5 + 1), snapshot + i));
    }
    return out;
  }

  private static List<Route> routes(int n, String id) {
    List<Route> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Route("10.0." + i + ".0/24", "igw-" + (i % 3), id + i));
    }
    return out;
  }

  @Test
  void aLargeSetOfRecordsMatchesElementsWhateverTheirOrderAndIgnoredFields() {
    List<Device> d = devices(200, "snap-a");
    List<Device> c = devices(200, "snap-b");
    Collections.reverse(c);
    assertThat(differ.diff(new Disks(new LinkedHashSet<>(d)), new Disks(new HashSet<>(c))).hasChanges()).isFalse();

    c.set(7, new Device("/dev/sdx", 8, "snap"));
    List<? extends Change> changes = differ.diff(new Disks(new LinkedHashSet<>(d)), new Disks(new LinkedHashSet<>(c)))
        .changes();
    assertThat(changes).extracting(Change::op).containsExactlyInAnyOrder(ChangeOp.ADD, ChangeOp.REMOVE);
    assertThat(changes).extracting(Change::path).allMatch(p -> p.startsWith("/devices/[{"));
  }

  @Test
  void aLargeKeyedListMatchesByKeyWhateverTheOrder() {
    List<Route> d = routes(150, "a");
    List<Route> c = routes(150, "b");
    Collections.reverse(c);
    c.set(10, new Route(c.get(10).cidr(), "nat-1", "x"));
    c.remove(20);
    List<? extends Change> changes = differ.diff(new Table(d), new Table(c)).changes();
    String changed = c.get(10).cidr();
    String removed = routes(150, "a").get(150 - 1 - 20).cidr();
    // The '/' of a CIDR is escaped as ~1 in the pointer (RFC 6901) and plain in the segments.
    assertThat(changes).extracting(Change::path, Change::op).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/routes/[cidr=" + changed.replace("/", "~1") + "]/target", ChangeOp.REPLACE),
        org.assertj.core.groups.Tuple.tuple("/routes/[cidr=" + removed.replace("/", "~1") + "]", ChangeOp.ADD));
    assertThat(changes).extracting(x -> x.segments().get(1))
        .containsExactlyInAnyOrder("[cidr=" + changed + "]", "[cidr=" + removed + "]");
  }

  @Test
  void aDuplicateKeyInASmallAlignedKeyedListIsFound() {
    List<Route> d = List.of(new Route("10.0.0.0/8", "a", "1"), new Route("10.0.0.0/8", "b", "2"));
    assertThatThrownBy(() -> differ.diff(new Table(d), new Table(new ArrayList<>(d))))
        .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo("[cidr=10.0.0.0/8]"));
  }

  @Test
  void aDuplicateKeyInALargeKeyedListIsFound() {
    List<Route> c = routes(100, "a");
    c.add(new Route(c.get(42).cidr(), "other", "z"));
    assertThatThrownBy(() -> differ.diff(new Table(routes(100, "a")), new Table(c)))
        .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
          assertThat(e.side()).isEqualTo("current");
          assertThat(e.key()).isEqualTo("[cidr=10.0.42.0/24]");
        });
  }
}

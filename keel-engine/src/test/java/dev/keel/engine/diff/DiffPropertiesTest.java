package dev.keel.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.engine.diff.ClusterGen.Draw;
import dev.keel.engine.diff.ClusterModel.ServerGroup;
import dev.keel.engine.diff.Mutations.Case;
import dev.keel.engine.diff.Mutations.Kind;
import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import dev.keel.spi.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The fifteen properties of diff-design §7, each over 1,000 generated cases with a fixed seed. */
class DiffPropertiesTest {

  private static final int EXAMPLES = 1000;

  /** One salt for every differ here, so that fingerprints of diffs with secrets compare across differs. */
  private static final byte[] SALT = "a fixed salt for the property tests".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private final Differ differ = Differ.builder().objectMapper(ClusterModel.MAPPER).fingerprintSalt(SALT).build();

  private static org.quicktheories.QuickTheory theory(long seed) {
    return qt().withFixedSeed(seed).withExamples(EXAMPLES).withShrinkCycles(50);
  }

  private static List<String> paths(ResourceDiff<?> d) {
    return d.changes().stream().map(Change::path).toList();
  }

  @Test
  void p01_aModelHasNoDiffWithItselfOrItsJsonRoundTrip() {
    theory(1).forAll(ClusterGen.clusters(true)).checkAssert(a -> {
      assertThat(differ.diff(a, a).hasChanges()).isFalse();
      assertThat(paths(differ.diff(a, ClusterModel.roundTrip(a)))).isEmpty();
    });
  }

  @Test
  void p02_changesToIgnoredPathsAreInvisibleEvenInsideSetAndListElements() {
    theory(2).forAll(Mutations.cases(true, Kind.IGNORED_NAME, Kind.IGNORED_IAM_ROLE, Kind.IGNORED_POLICY_NAME,
        Kind.IGNORED_LISTENER_ARN, Kind.IGNORED_SNAPSHOT)).checkAssert(c ->
        assertThat(paths(differ.diff(c.desired(), c.current()))).as(c.toString()).isEmpty());
  }

  @Test
  void p03_applyingTheJsonPatchToCurrentConvergesOnDesired() {
    theory(3).forAll(Mutations.cases(false)).checkAssert(c -> {
      ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(c.desired(), c.current());
      JsonNode patched = TreeOracle.apply(ClusterGen.tree(c.current()), diff.toJsonPatch());
      Map<String, ServerGroup> converged = ClusterGen.fromTree(patched);
      assertThat(paths(differ.diff(c.desired(), converged))).as(c + " patch " + diff.toJsonPatch()).isEmpty();
    });
  }

  @Test
  void p04_noDiffExactlyWhenTheCanonicalFormsAreEqual() {
    Gen<Case> mutated = Mutations.cases(true);
    Gen<Case> independent = in -> {
      Draw r = new Draw(in);
      return new Case(ClusterGen.cluster(r, true), ClusterGen.cluster(r, true), Kind.NONE, "", "");
    };
    theory(4).forAll(mutated.mix(independent, 20)).checkAssert(c -> {
      boolean same = TreeOracle.canon(c.desired()).equals(TreeOracle.canon(c.current()));
      assertThat(differ.diff(c.desired(), c.current()).hasChanges()).as(c.toString()).isEqualTo(!same);
    });
  }

  @Test
  void p05_swappingDesiredAndCurrentSwapsAddAndRemove() {
    theory(5).forAll(Mutations.cases(true)).checkAssert(c -> {
      List<String> forward = differ.diff(c.desired(), c.current()).changes().stream()
          .map(x -> x.op() + " " + x.path() + " " + x.desired() + " " + x.current()).toList();
      List<String> backward = differ.diff(c.current(), c.desired()).changes().stream()
          .map(x -> invert(x.op()) + " " + x.path() + " " + x.current() + " " + x.desired()).toList();
      assertThat(backward).as(c.toString()).isEqualTo(forward);
    });
  }

  private static ChangeOp invert(ChangeOp op) {
    return op == ChangeOp.ADD ? ChangeOp.REMOVE : op == ChangeOp.REMOVE ? ChangeOp.ADD : op;
  }

  @Test
  void p06_everyPathResolvesToTheReportedValues() {
    theory(6).forAll(Mutations.cases(false)).checkAssert(c -> {
      JsonNode desired = ClusterGen.tree(c.desired());
      JsonNode current = ClusterGen.tree(c.current());
      for (Change x : differ.diff(c.desired(), c.current()).changes()) {
        if (x.op() != ChangeOp.REMOVE) {
          assertThat(TreeOracle.sameValue(TreeOracle.resolve(desired, x.segments()),
              ClusterModel.MAPPER.valueToTree(x.desired()))).as(c + " " + x.path()).isTrue();
        }
        if (x.op() != ChangeOp.ADD) {
          assertThat(TreeOracle.sameValue(TreeOracle.resolve(current, x.segments()),
              ClusterModel.MAPPER.valueToTree(x.current()))).as(c + " " + x.path()).isTrue();
        }
      }
    });
  }

  @Test
  void p07_noReportedPathIsAPrefixOfAnotherAndNoneRepeats() {
    theory(7).forAll(Mutations.cases(true)).checkAssert(c -> {
      List<List<String>> segs = differ.diff(c.desired(), c.current()).changes().stream().map(Change::segments).toList();
      assertThat(new HashSet<>(segs)).hasSameSizeAs(segs);
      for (List<String> a : segs) {
        for (List<String> b : segs) {
          if (a != b && a.size() < b.size()) {
            assertThat(b.subList(0, a.size())).as(c.toString()).isNotEqualTo(a);
          }
        }
      }
    });
  }

  @Test
  void p08_aChangeAtOnePathIsReportedOnlyUnderThatPath() {
    theory(8).forAll(Mutations.cases(true, Kind.CAPACITY, Kind.IMAGE, Kind.TAG_VALUE, Kind.KEYED_FIELD,
        Kind.LISTENER_FIELD, Kind.SET_ADD, Kind.SUBTYPE_SWAP, Kind.ARGS_APPEND, Kind.METADATA_VALUE)).checkAssert(c -> {
      ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(c.desired(), c.current());
      if (c.kind() != Kind.NONE) {
        assertThat(diff.onlyUnder(c.locus())).as(c + " " + paths(diff)).isTrue();
      }
      if (c.kind() == Kind.CAPACITY) {
        assertThat(diff.onlyUnder("/*/capacity")).isTrue();
        assertThat(diff.changes()).hasSize(1);
      }
    });
  }

  @Test
  void p09_aClusterDiffIsTheUnionOfItsRegionDiffs() {
    theory(9).forAll(Mutations.cases(true)).checkAssert(c -> {
      ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(c.desired(), c.current());
      Set<String> regions = new TreeSet2(c.desired().keySet(), c.current().keySet());
      List<String> expected = new ArrayList<>();
      Map<String, List<String>> perKey = new TreeMap<>();
      for (String r : regions) {
        ServerGroup d = c.desired().get(r);
        ServerGroup k = c.current().get(r);
        List<String> sub = differ.diff(d, k).changes().stream().map(x -> x.op() + " " + x.path()).toList();
        sub.forEach(x -> expected.add(x.substring(0, x.indexOf(' ') + 1) + "/" + r + x.substring(x.indexOf(' ') + 1)));
        if (!sub.isEmpty()) {
          perKey.put(r, sub);
        }
      }
      assertThat(diff.changes().stream().map(x -> x.op() + " " + x.path()).sorted().toList())
          .isEqualTo(expected.stream().sorted().toList());
      Map<String, List<String>> byKey = new TreeMap<>();
      diff.byTopLevelKey().forEach((k, v) -> byKey.put(k, v.changes().stream().map(x -> x.op() + " " + x.path()).toList()));
      assertThat(byKey).as(c.toString()).isEqualTo(perKey);
    });
  }

  /** A sorted union of two key sets. */
  private static final class TreeSet2 extends java.util.TreeSet<String> {
    private static final long serialVersionUID = 1L;

    TreeSet2(Set<String> a, Set<String> b) {
      super(a);
      addAll(b);
    }
  }

  @Test
  void p10_iterationOrderOfSetsAndKeyedCollectionsDoesNotMatterButListOrderDoes() {
    theory(10).forAll(Mutations.cases(true), org.quicktheories.generators.Generate.range(0, 100)).checkAssert((c, salt) -> {
      ResourceDiff<Map<String, ServerGroup>> base = differ.diff(c.desired(), c.current());
      ResourceDiff<Map<String, ServerGroup>> permuted = differ.diff(reorder(c.desired(), salt), reorder(c.current(), salt + 1));
      assertThat(paths(permuted)).as(c.toString()).isEqualTo(paths(base));
      assertThat(permuted.fingerprint()).isEqualTo(base.fingerprint());
      ServerGroup sg = c.desired().get(c.region());
      List<String> args = sg.launchConfiguration().args();
      List<String> reversed = new ArrayList<>(args);
      java.util.Collections.reverse(reversed);
      assertThat(differ.diff(args, reversed).hasChanges()).isEqualTo(!reversed.equals(args));
    });
  }

  /** Rebuilds every set and keyed list in a different iteration order. */
  static Map<String, ServerGroup> reorder(Map<String, ServerGroup> cluster, int salt) {
    Map<String, ServerGroup> out = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(cluster.keySet());
    java.util.Collections.rotate(keys, salt % Math.max(1, keys.size()));
    for (String k : keys) {
      ServerGroup s = cluster.get(k);
      var lc = s.launchConfiguration();
      out.put(k, new ServerGroup(s.name(),
          new ClusterModel.Location(s.location().account(), s.location().region(), rotate(s.location().availabilityZones(), salt),
              s.location().subnet()),
          new ClusterModel.LaunchConfiguration(lc.image(), lc.appVersion(), lc.instanceType(), lc.ebsOptimized(),
              lc.iamRole(), lc.keyPair(), lc.args(), rotate(lc.blockDevices(), salt)),
          s.capacity(),
          s.dependencies() == null ? null : new ClusterModel.Dependencies(rotate(s.dependencies().securityGroupNames(), salt),
              rotate(s.dependencies().loadBalancerNames(), salt)),
          new ClusterModel.Health(s.health().cooldown(), s.health().warmup(), rotate(s.health().terminationPolicies(), salt)),
          new ClusterModel.Scaling(rotate(s.scaling().targetTrackingPolicies(), salt), s.scaling().stepPolicies()),
          s.tags() == null ? null : new HashMap<>(s.tags()),
          s.metadata(),
          s.listeners() == null ? null : List.copyOf(rotate(new LinkedHashSet<>(s.listeners()), salt)),
          s.userData()));
    }
    return out;
  }

  private static <T> Set<T> rotate(Set<T> set, int salt) {
    if (set == null) {
      return null;
    }
    List<T> items = new ArrayList<>(set);
    java.util.Collections.rotate(items, salt % Math.max(1, items.size()));
    if (salt % 2 == 0) {
      java.util.Collections.reverse(items);
    }
    return new LinkedHashSet<>(items);
  }

  @Test
  void p11_aKeyedElementChangesInPlaceAndAKeyChangeIsOneRemoveAndOneAdd() {
    theory(11).forAll(Mutations.cases(true, Kind.KEYED_FIELD, Kind.LISTENER_FIELD, Kind.KEY_CHANGE)).checkAssert(c -> {
      ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(c.desired(), c.current());
      if (c.kind() == Kind.KEY_CHANGE) {
        assertThat(diff.changes()).extracting(Change::op).containsExactlyInAnyOrder(ChangeOp.ADD, ChangeOp.REMOVE);
        assertThat(diff.changes()).allSatisfy(x -> assertThat(x.segments().get(x.segments().size() - 1)).startsWith("[metric="));
      } else if (c.kind() != Kind.NONE) {
        // Never an ADD or REMOVE of the element itself: only changes inside it.
        assertThat(diff.changes()).isNotEmpty().allSatisfy(x -> assertThat(x.path()).startsWith(c.locus() + "/"));
      }
    });
  }

  @Test
  void p12_equivalentFormsOfAValueGiveNoDiffAndNormalisersAreIdempotent() {
    Differ normalising = Differ.builder().objectMapper(ClusterModel.MAPPER)
        .caseInsensitive("/*/launchConfiguration/instanceType")
        .normalizeCurrent(ClusterModel.Location.class, TagStripping::withoutCloudZone)
        .build();
    theory(12).forAll(Mutations.cases(true, Kind.NUMBER_REBOX, Kind.NULL_MAP_ENTRY, Kind.NULL_TO_EMPTY, Kind.NONE))
        .checkAssert(c -> {
          assertThat(paths(normalising.diff(c.desired(), c.current()))).as(c.toString()).isEmpty();
          Map<String, ServerGroup> upper = new LinkedHashMap<>();
          c.current().forEach((k, s) -> upper.put(k, TagStripping.shout(s)));
          assertThat(paths(normalising.diff(c.desired(), upper))).isEmpty();
          c.current().values().forEach(s -> assertThat(TagStripping.withoutCloudZone(TagStripping.withoutCloudZone(s.location())))
              .isEqualTo(TagStripping.withoutCloudZone(s.location())));
        });
  }

  @Test
  void p13_aSubtypeSwapWithEqualSharedFieldsIsATypeChange() {
    theory(13).forAll(Mutations.cases(true, Kind.SUBTYPE_SWAP)).checkAssert(c -> {
      List<? extends Change> changes = differ.diff(c.desired(), c.current()).changes();
      assertThat(changes).hasSize(1);
      assertThat(changes.get(0).op()).isEqualTo(ChangeOp.TYPE_CHANGED);
      assertThat(changes.get(0).path()).isEqualTo(c.locus());
    });
  }

  @Test
  void p14_renderingsAreDeterministicAcrossRunsMapOrdersAndShortcuts() {
    Differ slow = Differ.builder().objectMapper(ClusterModel.MAPPER).fingerprintSalt(SALT).shortcuts(false)
        .build();
    theory(14).forAll(Mutations.cases(true)).checkAssert(c -> {
      ResourceDiff<Map<String, ServerGroup>> a = differ.diff(c.desired(), c.current());
      ResourceDiff<Map<String, ServerGroup>> b = differ.diff(new HashMap<>(c.desired()), new TreeMap<>(c.current()));
      ResourceDiff<Map<String, ServerGroup>> s = slow.diff(c.desired(), c.current());
      assertThat(b.toDeltaJson().toString()).isEqualTo(a.toDeltaJson().toString());
      assertThat(s.toDeltaJson().toString()).isEqualTo(a.toDeltaJson().toString());
      assertThat(b.fingerprint()).isEqualTo(a.fingerprint()).isEqualTo(s.fingerprint());
      assertThat(a.render()).isEqualTo(differ.diff(c.desired(), c.current()).render());
      assertThat(differ.differs(c.desired(), c.current())).isEqualTo(a.hasChanges());
    });
  }

  @Test
  void p15_desiredSubsetToleratesWhatTheCloudAddsButNotWhatDesiredDrops() {
    Differ subset = Differ.builder().objectMapper(ClusterModel.MAPPER).desiredSubset("/*/metadata", "/*/tags").build();
    theory(15).forAll(Mutations.cases(true, Kind.NONE), Generate2.keys()).checkAssert((c, extra) -> {
      Map<String, ServerGroup> current = ClusterModel.roundTrip(c.desired());
      current.values().forEach(s -> {
        s.metadata().put(extra, 42L);
        s.tags().put(extra, "cloud");
      });
      assertThat(paths(subset.diff(c.desired(), current))).isEmpty();
      // Outside server-defaulted subtrees, what desired drops is still drift.
      Map<String, ServerGroup> dropped = ClusterModel.roundTrip(c.desired());
      dropped.values().forEach(s -> s.listeners().clear());
      boolean hadListeners = c.desired().values().stream().anyMatch(s -> !s.listeners().isEmpty());
      assertThat(subset.diff(dropped, c.desired()).hasChanges()).isEqualTo(hadListeners);
      assertThat(differ.diff(c.desired(), current).hasChanges()).isTrue();
    });
  }

  /** Extra keys the cloud may add. */
  static final class Generate2 {
    static Gen<String> keys() {
      return org.quicktheories.generators.Generate.pick(List.of("aws:cloudformation", "owner2", "zz-extra"));
    }
  }
}

package dev.keel.engine.internal.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keel.spi.model.ArtifactOriginFilter;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.BranchFilter;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.NpmArtifact;
import dev.keel.spi.model.TagVersionStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class VersionOrderTest {

  private static final DebianArtifact DEB = new DebianArtifact("fnord", "fnord", null, Set.of(), null);
  private static final NpmArtifact NPM = new NpmArtifact("fnord", "fnord", Set.of(), null);

  private static DockerArtifact docker(TagVersionStrategy s) {
    return new DockerArtifact("org/fnord", "fnord", s, null, null);
  }

  private static ArtifactVersion v(DeliveryArtifact a, String version) {
    return new ArtifactVersion(a.type(), a.name(), version, null, null, Map.of());
  }

  private static List<String> sorted(DeliveryArtifact a, String... versions) {
    List<ArtifactVersion> list = new ArrayList<>();
    for (String s : versions) {
      list.add(v(a, s));
    }
    list.sort(VersionOrder.newestFirst(a));
    return list.stream().map(ArtifactVersion::version).collect(Collectors.toList());
  }

  /** Versions of every shape the strategies meet, including ones they cannot parse. */
  private static Gen<String> versions() {
    Gen<Integer> n = integers().between(0, 12);
    Gen<String> semver = n.zip(n, n, (a, b, c) -> a + "." + b + "." + c);
    return integers().between(0, 9).zip(semver, n, integers().between(0, 3), (shape, base, build, pre) -> switch (shape) {
      case 0 -> "fnord-" + base + "-h" + build + ".abcdef" + build;
      case 1 -> base + (pre == 0 ? "" : "~rc." + pre);
      case 2 -> "v" + base + (pre == 0 ? "" : "-rc." + pre) + "-h" + build + ".49b8dc5";
      case 3 -> "master-h" + build + ".abcdef0";
      case 4 -> String.valueOf(build * 7);
      case 5 -> base + (pre == 0 ? "" : "-beta." + pre);
      case 6 -> "latest";
      case 7 -> "garbage-" + build;
      case 8 -> "fnord-" + base;
      default -> base;
    });
  }

  private static final List<DeliveryArtifact> ARTIFACTS = List.of(DEB, NPM,
      docker(TagVersionStrategy.INCREASING_TAG), docker(TagVersionStrategy.SEMVER_TAG),
      docker(TagVersionStrategy.BRANCH_JOB_COMMIT_BY_JOB), docker(TagVersionStrategy.SEMVER_JOB_COMMIT_BY_JOB),
      docker(TagVersionStrategy.SEMVER_JOB_COMMIT_BY_SEMVER),
      new DockerArtifact("org/fnord", "fnord", TagVersionStrategy.INCREASING_TAG, "^build-(\\d+)$", null));

  @Test
  void everyOrderIsTotalAntisymmetricAndTransitive() {
    qt().withFixedSeed(1122L).withExamples(2_000)
        .forAll(integers().between(0, ARTIFACTS.size() - 1), versions(), versions(), versions())
        .check((i, a, b, c) -> {
          DeliveryArtifact artifact = ARTIFACTS.get(i);
          Comparator<ArtifactVersion> order = VersionOrder.newestFirst(artifact);
          ArtifactVersion x = v(artifact, a);
          ArtifactVersion y = v(artifact, b);
          ArtifactVersion z = v(artifact, c);
          boolean antisymmetric = Integer.signum(order.compare(x, y)) == -Integer.signum(order.compare(y, x));
          boolean consistent = (order.compare(x, y) == 0) == a.equals(b);
          boolean transitive = !(order.compare(x, y) <= 0 && order.compare(y, z) <= 0) || order.compare(x, z) <= 0;
          return antisymmetric && consistent && transitive;
        });
  }

  @Test
  void sortingIsStableWhateverTheInputOrder() {
    qt().withFixedSeed(33L).withExamples(1_000)
        .forAll(integers().between(0, ARTIFACTS.size() - 1), lists().of(versions()).ofSizeBetween(0, 20),
            integers().all())
        .check((i, list, seed) -> {
          DeliveryArtifact artifact = ARTIFACTS.get(i);
          List<ArtifactVersion> one = list.stream().map(s -> v(artifact, s)).collect(Collectors.toCollection(ArrayList::new));
          List<ArtifactVersion> two = new ArrayList<>(one);
          Collections.shuffle(two, new Random(seed));
          one.sort(VersionOrder.newestFirst(artifact));
          two.sort(VersionOrder.newestFirst(artifact));
          return one.equals(two);
        });
  }

  @Test
  void debianVersionsOrderByTheirNetflixVersionAndPreReleasesComeFirst() {
    assertThat(sorted(DEB, "fnord-1.2.3-h4.abcdef1", "fnord-1.10.0-h1.abcdef1", "fnord-1.2.3-h10.abcdef1",
        "fnord-1.2.3~rc.1-h2.abcdef1", "not-a-version"))
        .containsExactly("fnord-1.10.0-h1.abcdef1", "fnord-1.2.3-h10.abcdef1", "fnord-1.2.3-h4.abcdef1",
            "fnord-1.2.3~rc.1-h2.abcdef1", "not-a-version");
  }

  @Test
  void dockerTagStrategiesOrderAsKeelDocumentsThem() {
    assertThat(sorted(docker(TagVersionStrategy.INCREASING_TAG), "9", "10", "2")).containsExactly("10", "9", "2");
    assertThat(sorted(docker(TagVersionStrategy.SEMVER_TAG), "v1.2.0", "1.10.0", "1.2.0-rc.1"))
        .containsExactly("1.10.0", "v1.2.0", "1.2.0-rc.1");
    assertThat(sorted(docker(TagVersionStrategy.BRANCH_JOB_COMMIT_BY_JOB), "master-h9.abc", "master-h10.def"))
        .containsExactly("master-h10.def", "master-h9.abc");
    assertThat(sorted(docker(TagVersionStrategy.SEMVER_JOB_COMMIT_BY_JOB), "v2.0.0-h5.a", "v1.0.0-h6.b"))
        .containsExactly("v1.0.0-h6.b", "v2.0.0-h5.a");
    assertThat(sorted(docker(TagVersionStrategy.SEMVER_JOB_COMMIT_BY_SEMVER),
        "v1.12.3-rc.1-h1196.49b8dc5", "v1.12.3-h1190.49b8dc5", "v1.9.0-h1200.1234567"))
        .containsExactly("v1.12.3-h1190.49b8dc5", "v1.12.3-rc.1-h1196.49b8dc5", "v1.9.0-h1200.1234567");
  }

  @Test
  void npmPutsUnparseableVersionsLastUnlikeKeel() {
    assertThat(sorted(NPM, "banana", "1.0.0", "2.0.0-beta.1", "2.0.0")).containsExactly("2.0.0", "2.0.0-beta.1", "1.0.0", "banana");
  }

  @Test
  void tagsADockerArtifactCannotReadAreNotItsVersions() {
    DockerArtifact byJob = docker(TagVersionStrategy.BRANCH_JOB_COMMIT_BY_JOB);
    DockerArtifact custom = new DockerArtifact("org/fnord", "fnord", TagVersionStrategy.INCREASING_TAG, "^build-(\\d+)$", null);

    assertThat(VersionOrder.accepts(byJob, v(byJob, "master-h3.abc"))).isTrue();
    assertThat(VersionOrder.accepts(byJob, v(byJob, "latest"))).isFalse();
    assertThat(VersionOrder.accepts(byJob, v(byJob, "1.2.3"))).isFalse();
    assertThat(VersionOrder.accepts(custom, v(custom, "build-12"))).isTrue();
    assertThat(sorted(custom, "build-9", "build-12")).containsExactly("build-12", "build-9");
  }

  @Test
  void branchFilteredArtifactsOrderByCreationAndAcceptOnlyTheirBranch() {
    DockerArtifact main = new DockerArtifact("org/fnord", "fnord", null, null,
        new ArtifactOriginFilter(new BranchFilter("main", null, null), false));
    ArtifactVersion older = new ArtifactVersion("docker", "org/fnord", "zzz", Instant.parse("2026-01-01T00:00:00Z"), "main", Map.of());
    ArtifactVersion newer = new ArtifactVersion("docker", "org/fnord", "aaa", Instant.parse("2026-01-02T00:00:00Z"), "main", Map.of());
    ArtifactVersion otherBranch = new ArtifactVersion("docker", "org/fnord", "bbb", Instant.parse("2026-01-03T00:00:00Z"), "dev", Map.of());

    List<ArtifactVersion> list = new ArrayList<>(List.of(older, newer));
    list.sort(VersionOrder.newestFirst(main));

    assertThat(list).containsExactly(newer, older);
    assertThat(VersionOrder.accepts(main, otherBranch)).isFalse();
  }

  @Test
  void debianVersionsGetTheirPackageNameWhenPublishedWithoutIt() {
    assertThat(VersionOrder.normalize(new ArtifactVersion("DEB", "fnord", "1.2.3-h4.abcdef1", null, null, Map.of())).version())
        .isEqualTo("fnord-1.2.3-h4.abcdef1");
  }
}

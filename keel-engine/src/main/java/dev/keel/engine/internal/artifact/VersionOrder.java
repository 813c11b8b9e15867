package dev.keel.engine.internal.artifact;

import dev.keel.spi.model.ArtifactOriginFilter;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.NpmArtifact;
import dev.keel.spi.model.TagVersionStrategy;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * How an artifact's versions are filtered, normalised and ordered, newest first.
 *
 * <ul>
 *   <li>Artifacts with a {@code from} filter (branch or pull request) order by creation time.</li>
 *   <li>Debian packages order by the Netflix version inside the package version
 *       ({@code fnord-1.2.3-h4.abcdef1}), compared as Debian versions.</li>
 *   <li>Docker images order by their tag version strategy, or by the version a custom capture group
 *       extracts; tags that do not match are not versions of the artifact, and {@code latest} never is.</li>
 *   <li>npm packages order by semantic version.</li>
 * </ul>
 *
 * <p>Versions that cannot be parsed sort last (Keel sorted them first for npm; not here). Every order is
 * total: versions that compare equal by their sort key are ordered by their text, so sorting is stable and
 * repeatable.
 */
public final class VersionOrder {

  private static final Pattern NETFLIX_VERSION = Pattern.compile(
      "\\d+\\.\\d+\\.\\d+(?:[-~](?:dev|snapshot|rc)(?:\\.\\d+)?)?(?:-h?\\d+)?(?:\\.[0-9a-f]{7,})?");
  private static final Pattern BRANCH_JOB = Pattern.compile("^[\\w.]+-h(\\d+).*$");
  private static final Pattern SEMVER_JOB = Pattern.compile("^v.*-h(\\d+).*$");
  private static final Pattern SEMVER_OF_SEMVER_JOB = Pattern.compile("^v(.*)-h\\d+.*$");

  private VersionOrder() {}

  /**
   * The order of an artifact's versions, newest first.
   *
   * @param artifact the artifact
   * @return the comparator
   */
  public static Comparator<ArtifactVersion> newestFirst(DeliveryArtifact artifact) {
    return order(artifact, false);
  }

  /**
   * Sorts versions newest first, parsing each version once (a comparator alone parses on every comparison).
   *
   * @param artifact the artifact
   * @param versions the versions
   * @return a new sorted list
   */
  public static java.util.List<ArtifactVersion> sortNewestFirst(DeliveryArtifact artifact,
      java.util.Collection<ArtifactVersion> versions) {
    java.util.List<ArtifactVersion> sorted = new java.util.ArrayList<>(versions);
    sorted.sort(order(artifact, true));
    return sorted;
  }

  private static Comparator<ArtifactVersion> order(DeliveryArtifact artifact, boolean memoize) {
    if (artifact.from() != null) {
      return total(Comparator.comparing(ArtifactVersion::createdAt,
          Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
    }
    Comparator<String> versions;
    if (artifact instanceof DebianArtifact) {
      versions = keyed(memo(VersionOrder::netflixVersion, memoize), DebianVersions::compare);
    } else if (artifact instanceof DockerArtifact d) {
      versions = keyed(memo(dockerKey(d), memoize), Comparator.<Comparable<Object>>naturalOrder());
    } else if (artifact instanceof NpmArtifact) {
      versions = keyed(memo(VersionOrder::npmVersion, memoize), Comparator.<SemVer>naturalOrder());
    } else {
      versions = keyed(memo(SemVer::parse, memoize), Comparator.<SemVer>naturalOrder());
    }
    return total(Comparator.comparing(ArtifactVersion::version, versions));
  }

  /** A parsing function, cached per version text when sorting many versions at once. */
  private static <K> java.util.function.Function<String, K> memo(java.util.function.Function<String, K> parse,
      boolean memoize) {
    if (!memoize) {
      return parse;
    }
    java.util.Map<String, java.util.Optional<K>> cache = new java.util.HashMap<>();
    return text -> cache.computeIfAbsent(text, t -> java.util.Optional.ofNullable(parse.apply(t))).orElse(null);
  }

  /** Newest first by a parsed key; unparseable versions last. */
  private static <K> Comparator<String> keyed(java.util.function.Function<String, K> key, Comparator<K> order) {
    return (a, b) -> {
      K ka = key.apply(a);
      K kb = key.apply(b);
      if (ka == null || kb == null) {
        return ka == null ? (kb == null ? 0 : 1) : -1;
      }
      return order.compare(kb, ka);
    };
  }

  private static Comparator<ArtifactVersion> total(Comparator<ArtifactVersion> order) {
    return order.thenComparing(ArtifactVersion::version, Comparator.reverseOrder());
  }

  /** A Docker tag's sort key: a semver or a number, per the strategy; null when the tag has none. */
  @SuppressWarnings("unchecked")
  private static java.util.function.Function<String, Comparable<Object>> dockerKey(DockerArtifact d) {
    TagVersionStrategy strategy = d.tagVersionStrategy();
    Pattern custom = d.captureGroupRegex() == null ? null : Pattern.compile(d.captureGroupRegex());
    boolean semver = strategy == TagVersionStrategy.SEMVER_TAG || strategy == TagVersionStrategy.SEMVER_JOB_COMMIT_BY_SEMVER;
    return tag -> {
      String v = tagVersion(strategy, custom, tag);
      if (v == null) {
        return null;
      }
      // Within one artifact every key has the same type (semver or number), so they compare with each other.
      Comparable<?> key = semver ? SemVer.parse(v)
          : v.isEmpty() || !v.chars().allMatch(Character::isDigit) ? null : new BigInteger(v);
      return (Comparable<Object>) key;
    };
  }

  @Nullable
  private static String tagVersion(@Nullable TagVersionStrategy strategy, @Nullable Pattern custom, String tag) {
    if (custom != null) {
      Matcher m = custom.matcher(tag);
      return m.matches() ? m.group(1) : null;
    }
    if (strategy == null) {
      return null;
    }
    Matcher m;
    switch (strategy) {
      case INCREASING_TAG:
      case SEMVER_TAG:
        return tag;
      case BRANCH_JOB_COMMIT_BY_JOB:
        m = BRANCH_JOB.matcher(tag);
        break;
      case SEMVER_JOB_COMMIT_BY_JOB:
        m = SEMVER_JOB.matcher(tag);
        break;
      case SEMVER_JOB_COMMIT_BY_SEMVER:
        m = SEMVER_OF_SEMVER_JOB.matcher(tag);
        break;
      default:
        return null;
    }
    return m.matches() ? m.group(1) : null;
  }

  @Nullable
  private static String netflixVersion(String version) {
    Matcher m = NETFLIX_VERSION.matcher(version);
    return m.find() ? m.group() : null;
  }

  /** The whole version as semver, else the Netflix version inside it ({@code fnord-1.2.3-h4.abc}). */
  @Nullable
  private static SemVer npmVersion(String version) {
    SemVer whole = SemVer.parse(version);
    if (whole != null) {
      return whole;
    }
    String n = netflixVersion(version);
    return n == null ? null : SemVer.parse(n);
  }

  /**
   * Whether a published version belongs to an artifact: its branch passes the {@code from} filter, a
   * Docker tag matches the tag strategy (and is not {@code latest}), a Debian or npm status is wanted.
   *
   * @param artifact the artifact
   * @param version the published version
   * @return true if the artifact should consider it
   */
  public static boolean accepts(DeliveryArtifact artifact, ArtifactVersion version) {
    if (!artifact.type().equals(version.type()) || !artifact.name().equals(version.name())) {
      return false;
    }
    ArtifactOriginFilter from = artifact.from();
    if (from != null) {
      if (from.pullRequestOnly() && !version.metadata().containsKey("pullRequest")) {
        return false;
      }
      if (from.branch() != null && (version.branch() == null || !from.branch().matches(version.branch()))) {
        return false;
      }
    }
    if (artifact instanceof DockerArtifact d) {
      return !version.version().equals("latest")
          && (from != null || tagVersion(d.tagVersionStrategy(), d.captureGroupRegex() == null ? null
              : Pattern.compile(d.captureGroupRegex()), version.version()) != null);
    }
    java.util.Set<String> statuses = artifact instanceof DebianArtifact deb ? deb.statuses()
        : artifact instanceof NpmArtifact npm ? npm.statuses() : java.util.Set.of();
    if (!statuses.isEmpty()) {
      String status = version.metadata().get("releaseStatus");
      return status != null && statuses.stream().anyMatch(s -> s.equalsIgnoreCase(status));
    }
    return true;
  }

  /**
   * Normalises a published version as Keel does: a Debian version gets its package name as a prefix if it
   * lacks one ({@code 1.2.3-h4} becomes {@code fnord-1.2.3-h4}).
   *
   * @param version the published version
   * @return the normalised version
   */
  public static ArtifactVersion normalize(ArtifactVersion version) {
    String type = version.type().toLowerCase(Locale.ROOT);
    String v = version.version();
    if (type.equals(DebianArtifact.TYPE) && !v.startsWith(version.name() + "-")) {
      v = version.name() + "-" + v;
    }
    return new ArtifactVersion(type, version.name(), v, version.createdAt(), version.branch(), version.metadata());
  }
}

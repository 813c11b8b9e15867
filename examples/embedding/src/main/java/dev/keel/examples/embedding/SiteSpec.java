package dev.keel.examples.embedding;

import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.SupportedKind;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The spec of a {@code static/site@v1}: a static web site served under a host name, built from an npm artifact
 * (the site's bundle). The engine's artifact version resolver writes in the version approved for the site's
 * environment, so a config never names one.
 *
 * <pre>{@code
 * - kind: static/site@v1
 *   spec:
 *     hostname: www.fnord.example.com
 *     application: fnord
 *     artifactReference: fnord-site
 *     cacheTtlSeconds: 3600
 * }</pre>
 *
 * @param hostname the host name the site is served under, its id
 * @param application the application the site belongs to
 * @param artifactReference the reference of the npm artifact whose bundle the site serves
 * @param artifactVersion the version served; written in by the resolver, null until a version is approved
 * @param cacheTtlSeconds how long browsers and CDNs may cache the site's pages; {@value #DEFAULT_CACHE_TTL} when
 *     omitted
 */
public record SiteSpec(String hostname, String application, String artifactReference, @Nullable String artifactVersion,
    @Nullable Integer cacheTtlSeconds) implements ArtifactReferencing {

  /** The kind, {@code static/site@v1}. */
  public static final ResourceKind KIND = ResourceKind.parse("static/site@v1");

  /** The kind with the class its YAML binds to, as the handler declares it. */
  public static final SupportedKind<SiteSpec> SUPPORTED = new SupportedKind<>(KIND, SiteSpec.class);

  /** The cache time-to-live of a spec that does not give one, in seconds. */
  public static final int DEFAULT_CACHE_TTL = 300;

  private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  /**
   * Validates the spec and applies the default time-to-live. The config reader reports a failure here as a
   * problem of the spec, with its file, line and column.
   */
  public SiteSpec {
    Objects.requireNonNull(hostname, "a static/site needs a hostname");
    Objects.requireNonNull(application, "a static/site needs an application");
    Objects.requireNonNull(artifactReference, "a static/site needs the artifactReference of its bundle");
    if (!HOSTNAME.matcher(hostname).matches()) {
      throw new IllegalArgumentException("hostname '" + hostname + "' is not a lower-case DNS name such as"
          + " www.example.com");
    }
    cacheTtlSeconds = cacheTtlSeconds == null ? DEFAULT_CACHE_TTL : cacheTtlSeconds;
    if (cacheTtlSeconds < 0) {
      throw new IllegalArgumentException("cacheTtlSeconds must not be negative; got " + cacheTtlSeconds);
    }
  }

  @Override
  public String id() {
    return hostname;
  }

  @Override
  public SiteSpec withArtifactVersion(String version) {
    return new SiteSpec(hostname, application, artifactReference, version, cacheTtlSeconds);
  }

  /**
   * A copy with another cache time-to-live.
   *
   * @param seconds the time-to-live
   * @return the copy
   */
  public SiteSpec withCacheTtlSeconds(int seconds) {
    return new SiteSpec(hostname, application, artifactReference, artifactVersion, seconds);
  }
}

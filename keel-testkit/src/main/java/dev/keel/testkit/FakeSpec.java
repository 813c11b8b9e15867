package dev.keel.testkit;

import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.util.Objects;

/**
 * The spec of the fake kind {@code fake/thing@v1}: a named thing with a size and a version, enough to
 * exercise the engine (creation, drift, convergence) without a cloud.
 *
 * <p>A thing may deploy an artifact: with an {@code artifactReference}, its {@code version} is the artifact
 * version, written in by the artifact version resolver (and null until then).
 *
 * @param name the thing's name, its id
 * @param application the application
 * @param size a number that can drift
 * @param version a string that can drift; the artifact version for a thing that deploys an artifact
 * @param artifactReference the artifact it deploys, or null
 */
public record FakeSpec(String name, String application, int size, @javax.annotation.Nullable String version,
    @javax.annotation.Nullable String artifactReference) implements ArtifactReferencing {

  /** The fake kind. */
  public static final ResourceKind KIND = ResourceKind.parse("fake/thing@v1");

  /** The fake kind with its spec class. */
  public static final SupportedKind<FakeSpec> SUPPORTED = new SupportedKind<>(KIND, FakeSpec.class);

  /** Checks for nulls. */
  public FakeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    if (version == null && artifactReference == null) {
      throw new IllegalArgumentException("A fake thing needs a version or an artifact reference");
    }
  }

  /**
   * A thing that deploys no artifact.
   *
   * @param name its name
   * @param application its application
   * @param size its size
   * @param version its version
   */
  public FakeSpec(String name, String application, int size, String version) {
    this(name, application, size, version, null);
  }

  @Override
  public String artifactVersion() {
    return artifactReference == null ? null : version;
  }

  @Override
  public FakeSpec withArtifactVersion(String newVersion) {
    return new FakeSpec(name, application, size, newVersion, artifactReference);
  }

  @Override
  public String id() {
    return name;
  }

  /**
   * A copy with another size.
   *
   * @param newSize the size
   * @return the copy
   */
  public FakeSpec withSize(int newSize) {
    return new FakeSpec(name, application, newSize, version, artifactReference);
  }
}

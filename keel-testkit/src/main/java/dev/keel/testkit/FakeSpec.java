package dev.keel.testkit;

import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.util.Objects;

/**
 * The spec of the fake kind {@code fake/thing@v1}: a named thing with a size and a version, enough to
 * exercise the engine (creation, drift, convergence) without a cloud.
 *
 * @param name the thing's name, its id
 * @param application the application
 * @param size a number that can drift
 * @param version a string that can drift
 */
public record FakeSpec(String name, String application, int size, String version) implements ResourceSpec {

  /** The fake kind. */
  public static final ResourceKind KIND = ResourceKind.parse("fake/thing@v1");

  /** The fake kind with its spec class. */
  public static final SupportedKind<FakeSpec> SUPPORTED = new SupportedKind<>(KIND, FakeSpec.class);

  /** Checks for nulls. */
  public FakeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(version, "version");
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
    return new FakeSpec(name, application, newSize, version);
  }
}

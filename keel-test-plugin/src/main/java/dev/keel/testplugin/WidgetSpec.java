package dev.keel.testplugin;

import dev.keel.spi.model.ArtifactReferencing;
import javax.annotation.Nullable;

/**
 * The spec of a {@code test/widget@v1}.
 *
 * @param id the widget's id
 * @param application the owning application
 * @param colour the widget's colour; the resolver fills in {@code grey} when it is missing
 * @param artifactReference the artifact the widget runs, or null
 * @param artifactVersion the version it runs; the handler's desired state fills it in from the artifact view
 *     of its plugin context
 */
public record WidgetSpec(String id, String application, @Nullable String colour, @Nullable String artifactReference,
    @Nullable String artifactVersion) implements ArtifactReferencing {

  @Override
  public WidgetSpec withArtifactVersion(String version) {
    return new WidgetSpec(id, application, colour, artifactReference, version);
  }

  /**
   * This spec in another colour.
   *
   * @param newColour the colour
   * @return the spec
   */
  public WidgetSpec withColour(String newColour) {
    return new WidgetSpec(id, application, newColour, artifactReference, artifactVersion);
  }
}

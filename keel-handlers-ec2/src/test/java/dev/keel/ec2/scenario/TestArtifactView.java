package dev.keel.ec2.scenario;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.model.ArtifactVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A small artifact view for tests: versions approved per environment, set by the test. */
final class TestArtifactView implements ArtifactView {

  private final Map<String, String> approved = new ConcurrentHashMap<>();
  private final List<ArtifactVersion> published = new ArrayList<>();

  void approve(String environment, String reference, String version) {
    approved.put(environment + "/" + reference, version);
    synchronized (published) {
      published.add(new ArtifactVersion("deb", reference, version, null, null, Map.of()));
    }
  }

  @Override
  public Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference) {
    return Optional.ofNullable(approved.get(environment + "/" + artifactReference));
  }

  @Override
  public Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version) {
    synchronized (published) {
      return published.stream().filter(v -> v.name().equals(artifactReference) && v.version().equals(version))
          .findFirst();
    }
  }

  @Override
  public List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit) {
    synchronized (published) {
      return published.stream().filter(v -> v.name().equals(artifactReference)).limit(limit).toList();
    }
  }
}

package dev.keel.engine.store;

import dev.keel.spi.model.ArtifactVersion;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The artifact versions of {@link InMemoryStore}, by type and name. Thread-safe: its monitor guards it. */
final class ArtifactTable {

  private final Map<List<String>, Map<String, ArtifactVersion>> versions = new HashMap<>();

  synchronized boolean store(ArtifactVersion version) {
    return versions.computeIfAbsent(List.of(version.type(), version.name()), k -> new LinkedHashMap<>())
        .putIfAbsent(version.version(), version) == null;
  }

  synchronized List<ArtifactVersion> versions(String type, String name) {
    return List.copyOf(versions.getOrDefault(List.of(type, name), Map.of()).values());
  }
}

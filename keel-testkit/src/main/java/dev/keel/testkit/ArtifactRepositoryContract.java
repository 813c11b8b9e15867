package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.store.ArtifactRepository;
import dev.keel.spi.model.ArtifactVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link ArtifactRepository}: a version is stored once, under its artifact's type
 * and name.
 *
 * @param <S> the store's type
 */
public abstract class ArtifactRepositoryContract<S extends ArtifactRepository> extends StoreConcernContract<S> {

  private static ArtifactVersion version(String type, String name, String version) {
    return new ArtifactVersion(type, name, version, T0, "main", Map.of());
  }

  @Test
  void aVersionIsStoredOnceAndListedUnderItsArtifactOnly() {
    assertTrue(store.storeArtifactVersion(version("deb", "fnord", "1.0")));
    assertTrue(store.storeArtifactVersion(version("deb", "fnord", "1.1")));
    assertFalse(store.storeArtifactVersion(version("deb", "fnord", "1.0")), "already known");
    store.storeArtifactVersion(version("docker", "fnord", "2.0"));

    assertEquals(Set.of("1.0", "1.1"),
        store.artifactVersions("deb", "fnord").stream().map(ArtifactVersion::version).collect(Collectors.toSet()));
    assertEquals(List.of("2.0"),
        store.artifactVersions("docker", "fnord").stream().map(ArtifactVersion::version).collect(Collectors.toList()));
    assertTrue(store.artifactVersions("deb", "other").isEmpty());
  }
}

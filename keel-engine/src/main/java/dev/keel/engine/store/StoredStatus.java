package dev.keel.engine.store;

import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.ResourceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Where one stored delivery config stands, as a {@link StatusView} reads it: per environment, its resources'
 * statuses and its artifacts' versions with their promotion states.
 *
 * @param name the config's name
 * @param application its application
 * @param environments its environments, in declared order
 */
public record StoredStatus(String name, String application, List<EnvironmentStatus> environments) {

  /** Checks for nulls and copies the list. */
  public StoredStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    environments = List.copyOf(environments);
  }

  /**
   * Reads a config's status from a store, given its outline, with the store's calls that decode no spec: resource
   * states, pauses and tasks, artifact versions, promotion records, pins and constraint states. A resource's status
   * is {@link ResourceState#status(boolean, boolean)}. An environment lists the artifacts it has promotion records,
   * constraint states or a pin for, and of each the versions it has one of those for, newest published first.
   *
   * @param outline the config's outline
   * @param store the store
   * @return the status
   */
  public static StoredStatus read(StatusOutline outline, KeelStore store) {
    boolean appPaused = store.pause(PauseScope.APPLICATION, outline.application()).isPresent();
    List<EnvironmentStatus> environments = new ArrayList<>();
    for (StatusOutline.EnvironmentOutline env : outline.environments()) {
      List<ResourceEntry> resources = new ArrayList<>();
      for (StatusOutline.ResourceOutline r : env.resources()) {
        ResourceState state = store.state(r.id());
        boolean paused = appPaused || store.pause(PauseScope.RESOURCE, r.id()).isPresent();
        boolean actuating = store.tasks(r.id()).stream().anyMatch(t -> t.state() == TaskState.RUNNING);
        resources.add(new ResourceEntry(r.id(), r.kind(), state.status(paused, actuating), state.lastCheckedAt()));
      }
      List<ArtifactEntry> artifacts = new ArrayList<>();
      for (StatusOutline.ArtifactOutline a : outline.artifacts()) {
        artifact(store, new EnvironmentArtifact(outline.name(), env.name(), a.reference()), a)
            .ifPresent(artifacts::add);
      }
      environments.add(new EnvironmentStatus(env.name(), resources, artifacts));
    }
    return new StoredStatus(outline.name(), outline.application(), environments);
  }

  private static Optional<ArtifactEntry> artifact(KeelStore store, EnvironmentArtifact where,
      StatusOutline.ArtifactOutline artifact) {
    Map<String, PromotionRecord> records = store.promotions(where).stream()
        .collect(Collectors.toMap(PromotionRecord::version, Function.identity(), (x, y) -> y));
    Optional<Pin> pin = store.pin(where);
    List<ArtifactVersion> published = new ArrayList<>(store.artifactVersions(artifact.type(), artifact.name()));
    published.sort(Comparator.comparing(ArtifactVersion::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
    List<VersionEntry> versions = new ArrayList<>();
    for (ArtifactVersion v : published) {
      PromotionRecord record = records.get(v.version());
      boolean pinned = pin.map(p -> p.version().equals(v.version())).orElse(false);
      List<ConstraintState> constraints = store.constraintStates(where, v.version());
      if (record != null || pinned || !constraints.isEmpty()) {
        versions.add(new VersionEntry(v.version(), record == null ? PromotionStatus.PENDING : record.status(), pinned,
            constraints));
      }
    }
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    String desired = pin.map(Pin::version).orElseGet(() -> versions.stream()
        .filter(v -> v.status() != PromotionStatus.PENDING && v.status() != PromotionStatus.VETOED)
        .map(VersionEntry::version).findFirst().orElse(null));
    return Optional.of(new ArtifactEntry(where.artifactReference(), desired, versions));
  }

  /**
   * One environment.
   *
   * @param name the environment's name
   * @param resources its resources, in declared order
   * @param artifacts the artifacts it has promoted or considered versions of, in declared order
   */
  public record EnvironmentStatus(String name, List<ResourceEntry> resources, List<ArtifactEntry> artifacts) {

    /** Checks for nulls and copies the lists. */
    public EnvironmentStatus {
      Objects.requireNonNull(name, "name");
      resources = List.copyOf(resources);
      artifacts = List.copyOf(artifacts);
    }
  }

  /**
   * One resource's status.
   *
   * @param id the resource id
   * @param kind its kind, as {@link dev.keel.spi.model.ResourceKind#toString()} writes it
   * @param status its status
   * @param lastCheckedAt when it was last checked, or null if never
   */
  public record ResourceEntry(String id, String kind, ResourceStatus status, @Nullable Instant lastCheckedAt) {

    /** Checks for nulls. */
    public ResourceEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * One artifact's versions in one environment.
   *
   * @param reference the artifact's reference
   * @param desiredVersion the pinned version, else the newest approved one that is not vetoed, or null
   * @param versions the versions, newest published first
   */
  public record ArtifactEntry(String reference, @Nullable String desiredVersion, List<VersionEntry> versions) {

    /** Checks for nulls and copies the list. */
    public ArtifactEntry {
      Objects.requireNonNull(reference, "reference");
      versions = List.copyOf(versions);
    }

    /**
     * The current version.
     *
     * @return it, if a version is current
     */
    public Optional<String> current() {
      return versions.stream().filter(v -> v.status() == PromotionStatus.CURRENT).map(VersionEntry::version)
          .findFirst();
    }
  }

  /**
   * One version's promotion state in one environment.
   *
   * @param version the version
   * @param status its status (PENDING without a promotion record)
   * @param pinned whether it is the environment's pinned version
   * @param constraints its constraint states
   */
  public record VersionEntry(String version, PromotionStatus status, boolean pinned, List<ConstraintState> constraints) {

    /** Checks for nulls and copies the list. */
    public VersionEntry {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(status, "status");
      constraints = List.copyOf(constraints);
    }
  }
}

package dev.keel.engine.store;

/**
 * Where the engine keeps its source of truth: the union of one interface per concern. Implementations
 * must be thread-safe; every method is atomic on its own, including those whose effects span concerns
 * (storing a config changes the managed resources and the check schedule in one step).
 * keel-testkit's {@code StoreContract} is the test suite an implementation must pass; it runs one contract
 * per concern, which a store author can also run one at a time.
 *
 * <p>Engine components that need one concern take the narrower interface.
 */
public interface KeelStore extends DeliveryConfigRepository, ResourceRepository, ResourceHistory, PauseRepository,
    TaskRepository, CheckSchedule, ArtifactRepository, PromotionRepository {}

package dev.keel.engine.config;

import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.spi.model.PipelineConstraint;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.NpmArtifact;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.SupportedKind;
import dev.keel.spi.model.Verification;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What names a config may use and the classes they bind to: resource kinds (from handlers), spec
 * migrators, and constraint, verification and artifact types. Built once, then immutable.
 *
 * <p>A name claimed twice is a {@link RegistrationConflictException} naming both claimants. The
 * built-in artifact types ({@code deb}, {@code docker}, {@code npm}) and constraint types
 * ({@code depends-on}, {@code manual-judgement}, {@code allowed-times}, {@code pipeline}) are always
 * present.
 */
public final class KindRegistry {

  private static final String BUILT_IN = "the engine (built in)";

  private final Map<ResourceKind, SupportedKind<?>> kinds;
  private final Map<ResourceKind, SpecMigrator<?, ?>> migrators;
  private final Map<String, Class<? extends Constraint>> constraints;
  private final Map<String, Class<? extends Verification>> verifications;
  private final Map<String, Class<? extends DeliveryArtifact>> artifacts;

  private KindRegistry(Builder b) {
    kinds = Collections.unmodifiableMap(new LinkedHashMap<>(b.kinds));
    migrators = Collections.unmodifiableMap(new LinkedHashMap<>(b.migrators));
    constraints = Collections.unmodifiableMap(new LinkedHashMap<>(b.constraints));
    verifications = Collections.unmodifiableMap(new LinkedHashMap<>(b.verifications));
    artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(b.artifacts));
  }

  /**
   * A builder holding the built-in artifact and constraint types.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The spec class of a kind, whether current or migrated from.
   *
   * @param kind a kind
   * @return the supported kind, if registered
   */
  public Optional<SupportedKind<?>> kind(ResourceKind kind) {
    return Optional.ofNullable(kinds.get(kind));
  }

  /**
   * Every kind a config may use, current and older versions, in order.
   *
   * @return the kinds
   */
  public Set<ResourceKind> kinds() {
    return Collections.unmodifiableSet(new TreeSet<>(kinds.keySet()));
  }

  /**
   * The migrator that upgrades a kind, if it is an older version.
   *
   * @param kind a kind
   * @return the migrator, if any
   */
  public Optional<SpecMigrator<?, ?>> migratorFrom(ResourceKind kind) {
    return Optional.ofNullable(migrators.get(kind));
  }

  /**
   * The class of a constraint type.
   *
   * @param type such as {@code depends-on}
   * @return the class, if registered
   */
  public Optional<Class<? extends Constraint>> constraint(String type) {
    return Optional.ofNullable(constraints.get(type));
  }

  /**
   * The registered constraint type names.
   *
   * @return the names, sorted
   */
  public Set<String> constraintTypes() {
    return Collections.unmodifiableSet(new TreeSet<>(constraints.keySet()));
  }

  /**
   * The class of a verification type.
   *
   * @param type such as {@code test-container}
   * @return the class, if registered
   */
  public Optional<Class<? extends Verification>> verification(String type) {
    return Optional.ofNullable(verifications.get(type));
  }

  /**
   * The registered verification type names.
   *
   * @return the names, sorted
   */
  public Set<String> verificationTypes() {
    return Collections.unmodifiableSet(new TreeSet<>(verifications.keySet()));
  }

  /**
   * The class of an artifact type.
   *
   * @param type such as {@code deb}
   * @return the class, if registered
   */
  public Optional<Class<? extends DeliveryArtifact>> artifact(String type) {
    return Optional.ofNullable(artifacts.get(type));
  }

  /**
   * The registered artifact type names.
   *
   * @return the names, sorted
   */
  public Set<String> artifactTypes() {
    return Collections.unmodifiableSet(new TreeSet<>(artifacts.keySet()));
  }

  /** Collects registrations; {@link #build()} checks that migrations lead somewhere. */
  public static final class Builder {
    private final Map<ResourceKind, SupportedKind<?>> kinds = new LinkedHashMap<>();
    private final Map<ResourceKind, SpecMigrator<?, ?>> migrators = new LinkedHashMap<>();
    private final Map<String, Class<? extends Constraint>> constraints = new LinkedHashMap<>();
    private final Map<String, Class<? extends Verification>> verifications = new LinkedHashMap<>();
    private final Map<String, Class<? extends DeliveryArtifact>> artifacts = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();

    private Builder() {
      artifact(DebianArtifact.TYPE, DebianArtifact.class, BUILT_IN);
      artifact(DockerArtifact.TYPE, DockerArtifact.class, BUILT_IN);
      artifact(NpmArtifact.TYPE, NpmArtifact.class, BUILT_IN);
      constraint(DependsOnConstraint.TYPE, DependsOnConstraint.class, BUILT_IN);
      constraint(ManualJudgementConstraint.TYPE, ManualJudgementConstraint.class, BUILT_IN);
      constraint(AllowedTimesConstraint.TYPE, AllowedTimesConstraint.class, BUILT_IN);
      constraint(PipelineConstraint.TYPE, PipelineConstraint.class, BUILT_IN);
    }

    private void claim(String what, String name, String owner) {
      String key = what + "\u0000" + name;
      String first = owners.putIfAbsent(key, owner);
      if (first != null) {
        throw new RegistrationConflictException(what, name, first, owner);
      }
    }

    /**
     * Registers a resource kind.
     *
     * @param kind the kind and its spec class
     * @param owner who registers it, for conflict messages (a plugin id or class name)
     * @return this builder
     */
    public Builder kind(SupportedKind<?> kind, String owner) {
      claim("resource kind", kind.kind().toString(), owner);
      kinds.put(kind.kind(), kind);
      return this;
    }

    /**
     * Registers the kind a handler supports.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(ResourceHandler<?, ?> handler) {
      return kind(handler.supportedKind(), handler.getClass().getName());
    }

    /**
     * Registers a spec migrator; its input kind becomes readable.
     *
     * @param migrator the migrator
     * @param owner who registers it
     * @return this builder
     */
    public Builder migrator(SpecMigrator<?, ?> migrator, String owner) {
      kind(migrator.input(), owner);
      migrators.put(migrator.input().kind(), migrator);
      return this;
    }

    /**
     * Registers a constraint type.
     *
     * @param type the type name
     * @param constraintClass the class it binds to
     * @param owner who registers it
     * @return this builder
     */
    public Builder constraint(String type, Class<? extends Constraint> constraintClass, String owner) {
      claim("constraint type", type, owner);
      constraints.put(type, constraintClass);
      return this;
    }

    /**
     * Registers the constraint type of an evaluator. An evaluator for a built-in type such as
     * {@code depends-on} with the built-in class joins that type rather than conflicting with it.
     *
     * @param evaluator the evaluator
     * @return this builder
     */
    public Builder evaluator(ConstraintEvaluator<?> evaluator) {
      return evaluator(evaluator, evaluator.getClass().getName());
    }

    /**
     * Registers the constraint type of an evaluator under a named owner, such as the plugin that
     * contributed it. An evaluator for a built-in type with the built-in class joins that type.
     *
     * @param evaluator the evaluator
     * @param owner who registers it, for conflict messages
     * @return this builder
     */
    public Builder evaluator(ConstraintEvaluator<?> evaluator, String owner) {
      if (evaluator.constraintClass().equals(constraints.get(evaluator.type()))) {
        return this;
      }
      return constraint(evaluator.type(), evaluator.constraintClass(), owner);
    }

    /**
     * Registers a verification type.
     *
     * @param type the type name
     * @param verificationClass the class it binds to
     * @param owner who registers it
     * @return this builder
     */
    public Builder verification(String type, Class<? extends Verification> verificationClass, String owner) {
      claim("verification type", type, owner);
      verifications.put(type, verificationClass);
      return this;
    }

    /**
     * Registers the verification type of an evaluator.
     *
     * @param evaluator the evaluator
     * @return this builder
     */
    public Builder verificationEvaluator(VerificationEvaluator<?> evaluator) {
      return verificationEvaluator(evaluator, evaluator.getClass().getName());
    }

    /**
     * Registers the verification type of an evaluator under a named owner.
     *
     * @param evaluator the evaluator
     * @param owner who registers it, for conflict messages
     * @return this builder
     */
    public Builder verificationEvaluator(VerificationEvaluator<?> evaluator, String owner) {
      return verification(evaluator.type(), evaluator.verificationClass(), owner);
    }

    /**
     * Registers an artifact type.
     *
     * @param type the type name
     * @param artifactClass the class it binds to
     * @param owner who registers it
     * @return this builder
     */
    public Builder artifact(String type, Class<? extends DeliveryArtifact> artifactClass, String owner) {
      claim("artifact type", type, owner);
      artifacts.put(type, artifactClass);
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     * @throws IllegalStateException if a migrator's output kind is not registered, its classes disagree
     *     with the registered ones, or migrators form a cycle
     */
    public KindRegistry build() {
      for (SpecMigrator<?, ?> m : migrators.values()) {
        ResourceKind out = m.output().kind();
        SupportedKind<?> target = kinds.get(out);
        if (target == null) {
          throw new IllegalStateException("Migrator " + m.getClass().getName() + " migrates "
              + m.input().kind() + " to " + out + ", which no handler or migrator registers");
        }
        if (!target.specClass().equals(m.output().specClass())) {
          throw new IllegalStateException("Migrator " + m.getClass().getName() + " produces "
              + m.output().specClass().getName() + " but " + out + " binds to " + target.specClass().getName());
        }
        Set<ResourceKind> seen = new HashSet<>();
        for (ResourceKind k = m.input().kind(); migrators.containsKey(k); k = migrators.get(k).output().kind()) {
          if (!seen.add(k)) {
            throw new IllegalStateException("Spec migrators form a cycle through " + k);
          }
        }
      }
      return new KindRegistry(this);
    }
  }
}

package dev.keel.benchmarks;

import de.danielbechler.diff.ObjectDiffer;
import de.danielbechler.diff.ObjectDifferBuilder;
import de.danielbechler.diff.inclusion.Inclusion;
import de.danielbechler.diff.inclusion.InclusionResolver;
import de.danielbechler.diff.node.DiffNode;
import dev.keel.benchmarks.ClusterFixture.LaunchConfiguration;
import dev.keel.benchmarks.ClusterFixture.ServerGroup;
import dev.keel.benchmarks.ClusterFixture.TargetTrackingPolicy;
import dev.keel.engine.diff.Differ;
import dev.keel.spi.diff.DiffIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.core.diff.ListCompareAlgorithm;
import org.javers.core.metamodel.clazz.ValueObjectDefinition;

/** The differs under comparison, each configured for the same ignores. */
final class Differs {

  private Differs() {}

  static Differ keel() {
    return Differ.builder().objectMapper(ClusterFixture.MAPPER).build();
  }

  /** java-object-diff 0.95 as Keel's DefaultResourceDiff configures it, plus a record introspector. */
  static ObjectDiffer javaObjectDiff() {
    ObjectDifferBuilder builder = ObjectDifferBuilder.startBuilding();
    builder.introspection().setDefaultIntrospector(new RecordIntrospector());
    builder.comparison().ofType(Instant.class).toUseEqualsMethod();
    builder.comparison().ofType(Duration.class).toUseEqualsMethod();
    builder.inclusion().resolveUsing(new InclusionResolver() {
      @Override
      public Inclusion getInclusion(DiffNode node) {
        return node.getPropertyAnnotation(DiffIgnore.class) != null ? Inclusion.EXCLUDED : Inclusion.INCLUDED;
      }

      @Override
      public boolean enablesStrictIncludeMode() {
        return false;
      }
    });
    return builder.build();
  }

  /** JaVers 7 with the default SIMPLE list algorithm and the same ignored properties. */
  static Javers javers() {
    return JaversBuilder.javers()
        .withListCompareAlgorithm(ListCompareAlgorithm.SIMPLE)
        .registerValueObject(new ValueObjectDefinition(ServerGroup.class, List.of("name")))
        .registerValueObject(new ValueObjectDefinition(LaunchConfiguration.class, List.of("iamRole")))
        .registerValueObject(new ValueObjectDefinition(TargetTrackingPolicy.class, List.of("name")))
        .build();
  }
}

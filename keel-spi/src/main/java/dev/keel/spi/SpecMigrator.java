package dev.keel.spi;

import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import org.pf4j.ExtensionPoint;

/**
 * Upgrades a spec from an older kind version to a newer one, such as {@code ec2/cluster@v1} to
 * {@code @v1.1}. The config reader applies migrators one after another until the kind has none, so
 * handlers only ever see their current kind.
 *
 * @param <I> the older spec type
 * @param <O> the newer spec type
 */
public interface SpecMigrator<I extends ResourceSpec, O extends ResourceSpec> extends ExtensionPoint {

  /**
   * The kind and class migrated from.
   *
   * @return the input kind
   */
  SupportedKind<I> input();

  /**
   * The kind and class migrated to.
   *
   * @return the output kind
   */
  SupportedKind<O> output();

  /**
   * Migrates a spec. Pure.
   *
   * @param spec the older spec
   * @return the newer spec, with the same id
   */
  O migrate(I spec);
}

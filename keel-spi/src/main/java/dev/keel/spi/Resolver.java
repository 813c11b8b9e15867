package dev.keel.spi;

import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import org.pf4j.ExtensionPoint;

/**
 * Completes or adjusts a resource's spec on the way to its desired state: fills defaults, applies an
 * organisation's opinions, or writes in resolved references such as the approved artifact version.
 *
 * <p>Resolvers are pure. The engine applies every resolver that {@linkplain #supports supports} a
 * resource, in {@link #order()} and then by name, on the desired path only (never on current), and records
 * which resolver changed what so a plan can show it. Operators enable and disable resolvers by
 * {@link #name()}.
 *
 * @param <S> the spec type the resolver handles; {@link ResourceSpec} for a resolver that serves a
 *     capability such as {@link dev.keel.spi.model.ArtifactReferencing}
 */
public interface Resolver<S extends ResourceSpec> extends ExtensionPoint {

  /**
   * The resolver's name, unique among resolvers, used to enable and disable it.
   *
   * @return the name
   */
  String name();

  /**
   * Where the resolver runs among others: lower first. Zero by default.
   *
   * @return the order
   */
  default int order() {
    return 0;
  }

  /**
   * Whether this resolver applies to a resource, usually by kind or by the spec's capabilities.
   *
   * @param resource a resource
   * @return true if {@link #resolve} should be applied
   */
  boolean supports(Resource<?> resource);

  /**
   * Resolves a resource. Return the resource unchanged when there is nothing to do.
   *
   * @param resource a resource this resolver supports
   * @param context the check's context
   * @return the resolved resource, of the same kind and spec class
   * @throws ResourceCurrentlyUnresolvable when something needed is not available yet
   */
  Resource<S> resolve(Resource<S> resource, ResourceContext context);
}

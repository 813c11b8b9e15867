package dev.keel.engine.internal.check;

import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Resolver;
import dev.keel.spi.Veto;
import dev.keel.spi.model.ResourceKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The extensions a resource check uses: the handler of each kind, the resolvers (applied in
 * {@link Resolver#order()}, then by name, if enabled), and the vetoes (asked in order).
 *
 * @param handlers the handler of each kind
 * @param resolvers the resolvers
 * @param vetoes the vetoes
 * @param resolverEnabled which resolvers run, by name
 */
public record CheckExtensions(Map<ResourceKind, ResourceHandler<?, ?>> handlers, List<Resolver<?>> resolvers,
    List<Veto> vetoes, Predicate<String> resolverEnabled) {

  /** Copies the collections and orders the resolvers. */
  public CheckExtensions {
    handlers = Map.copyOf(handlers);
    resolvers = resolvers.stream()
        .sorted(Comparator.comparingInt((Resolver<?> r) -> r.order()).thenComparing(Resolver::name))
        .collect(Collectors.toUnmodifiableList());
    vetoes = List.copyOf(vetoes);
  }

  /**
   * The handler of a kind.
   *
   * @param kind the kind
   * @return the handler, if one is registered
   */
  public Optional<ResourceHandler<?, ?>> handler(ResourceKind kind) {
    return Optional.ofNullable(handlers.get(kind));
  }
}

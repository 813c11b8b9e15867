package dev.keel.spi.model;

/**
 * The declared desired state of one resource, as a user writes it in a delivery config.
 *
 * <p>A spec class belongs to one {@link ResourceKind}; handlers declare the pair through
 * {@link SupportedKind}. Implementations are immutable value types, usually records. A spec may also
 * implement the capabilities {@link Monikered}, {@link Locatable}, {@link ArtifactReferencing} and
 * {@link Dependent}, which resolvers and the engine use without knowing the concrete kind.
 */
public interface ResourceSpec {

  /**
   * The spec's identity within its kind, such as {@code test:fnord-main} (account and moniker for cloud
   * resources). Combined with the kind's group and name it forms the resource id.
   *
   * @return a non-blank id, stable across spec changes that do not rename the resource
   */
  String id();

  /**
   * The application the resource belongs to.
   *
   * @return the application name
   */
  String application();

  /**
   * A short human name for displays; the id by default.
   *
   * @return the display name
   */
  default String displayName() {
    return id();
  }
}

package dev.keel.titus.api.spec;

import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.SupportedKind;

/** The Titus kind this plugin supports. */
public final class TitusKinds {

  private TitusKinds() {}

  /** The cloud provider name. */
  public static final String CLOUD_PROVIDER = "titus";

  /** {@code titus/cluster@v1}. */
  public static final SupportedKind<TitusClusterSpec> CLUSTER =
      SupportedKind.of("titus/cluster@v1", TitusClusterSpec.class);

  /**
   * Whether a kind is the Titus cluster kind.
   *
   * @param kind a kind
   * @return true for {@code titus/cluster@v1}
   */
  public static boolean isCluster(ResourceKind kind) {
    return CLUSTER.kind().equals(kind);
  }
}

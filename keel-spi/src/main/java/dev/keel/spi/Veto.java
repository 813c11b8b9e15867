package dev.keel.spi;

import dev.keel.spi.model.Resource;
import org.pf4j.ExtensionPoint;

/**
 * Stops the engine from acting on a resource that has drifted, for example while a dependency is
 * missing. The engine asks every veto before acting; the first denial wins, and the drift is still
 * reported.
 */
public interface Veto extends ExtensionPoint {

  /**
   * The veto's name, shown with a denial.
   *
   * @return the name
   */
  String name();

  /**
   * Whether the engine may act on a resource now.
   *
   * @param resource the resolved resource
   * @param context the check's context
   * @return allow, or deny with a reason
   */
  VetoResponse check(Resource<?> resource, ResourceContext context);
}

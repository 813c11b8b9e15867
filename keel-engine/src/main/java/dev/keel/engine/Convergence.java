package dev.keel.engine;

import java.util.List;

/**
 * Whether an application's delivery has come to rest: every resource HAPPY, every environment running the
 * version it should, and no newer version still able to move on its own. A version stuck behind a rejected
 * judgement, a veto, or a judgement nobody will give does not count as movement; one waiting for an
 * allowed-times window, a bake or a depends-on environment does. Get one from
 * {@link KeelEngine#convergence(String)}.
 *
 * @param application the application
 * @param blockers what still keeps it from being at rest, one sorted line per reason, such as
 *     {@code ec2:cluster:test:fnord-main is DIFF} or {@code test/fnord runs fnord-1.0.0, should run fnord-1.1.0}
 */
public record Convergence(String application, List<String> blockers) {

  /** Copies the blockers. */
  public Convergence {
    blockers = List.copyOf(blockers);
  }

  /**
   * Whether nothing keeps the delivery from being at rest.
   *
   * @return true when there are no blockers
   */
  public boolean converged() {
    return blockers.isEmpty();
  }
}

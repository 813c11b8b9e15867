package dev.keel.examples.embedding;

import dev.keel.spi.model.Resource;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.List;

/**
 * The behaviour keel-testkit requires of every handler, checked for {@link SiteHandler}: its desired state is
 * deterministic, a missing site is planned for creation and created, the site converges once the host's job
 * finishes, and an in-sync site launches nothing. A plugin author writes one such class per handler.
 */
class SiteHandlerContractTest extends HandlerContract<SiteSpec, SiteState> {

  @Override
  protected HandlerFixture<SiteSpec, SiteState> fixture(VirtualScheduler scheduler) {
    SiteHost host = new SiteHost(scheduler.clock(), Duration.ofMinutes(2));
    // No resolver runs in the contract, so the spec carries its version already.
    Resource<SiteSpec> site = new Resource<>(SiteSpec.KIND,
        new SiteSpec("contract.fnord.example.com", "fnord", "fnord-site", "1.0.0", null));
    return new HandlerFixture<>(new SiteHandler(host), List.of(host), List.of(), site);
  }
}

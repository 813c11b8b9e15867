package dev.keel.testkit;

import java.util.List;

class FakeHandlerContractTest extends HandlerContract<FakeSpec, FakeModel> {
  @Override
  protected HandlerFixture<FakeSpec, FakeModel> fixture(VirtualScheduler scheduler) {
    FakeCloud cloud = new FakeCloud(scheduler);
    return new HandlerFixture<>(FakeHandler.builder(cloud, scheduler).build(), List.of(cloud), List.of(),
        Configs.thing("contract", "fnord", 2));
  }
}

package dev.keel.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The handler contract catches broken handlers, and says where the models differ rather than dumping state. */
class HandlerContractFailuresTest {

  /** A handler that delegates to the fake one, with its plan or execute replaced. */
  private static final class Broken implements ResourceHandler<FakeSpec, FakeModel> {
    private final FakeHandler delegate;
    private final boolean plansWhenInSync;
    private final boolean executesNothing;

    Broken(FakeHandler delegate, boolean plansWhenInSync, boolean executesNothing) {
      this.delegate = delegate;
      this.plansWhenInSync = plansWhenInSync;
      this.executesNothing = executesNothing;
    }

    @Override
    public SupportedKind<FakeSpec> supportedKind() {
      return delegate.supportedKind();
    }

    @Override
    public FakeModel desired(Resource<FakeSpec> resource, ResourceContext context) {
      return delegate.desired(resource, context);
    }

    @Override
    public FakeModel current(Resource<FakeSpec> resource, ResourceContext context) {
      return delegate.current(resource, context);
    }

    @Override
    public Actuation plan(Resource<FakeSpec> resource, ResourceDiff<FakeModel> diff, ResourceContext context) {
      if (plansWhenInSync && !diff.hasChanges()) {
        return Actuation.of(new FakeHandler.FakeOperation("update", "rewrite " + resource.spec().name()
            + " anyway", diff.desired()));
      }
      return delegate.plan(resource, diff, context);
    }

    @Override
    public List<Task> execute(Resource<FakeSpec> resource, Actuation actuation, ResourceContext context) {
      return executesNothing ? List.of() : delegate.execute(resource, actuation, context);
    }
  }

  /** The contract over a handler built from the fake cloud, with the cloud seeded before it starts. */
  private static final class Contract extends HandlerContract<FakeSpec, FakeModel> {
    private final Function<FakeHandler, ResourceHandler<FakeSpec, FakeModel>> wrap;
    private final FakeModel seeded;

    Contract(Function<FakeHandler, ResourceHandler<FakeSpec, FakeModel>> wrap, FakeModel seeded) {
      this.wrap = wrap;
      this.seeded = seeded;
    }

    @Override
    protected HandlerFixture<FakeSpec, FakeModel> fixture(VirtualScheduler scheduler) {
      FakeCloud cloud = new FakeCloud(scheduler);
      if (seeded != null) {
        cloud.put("contract", seeded);
      }
      return new HandlerFixture<>(wrap.apply(FakeHandler.builder(cloud, scheduler).build()), List.of(cloud),
          List.of(), Configs.thing("contract", "fnord", 2));
    }
  }

  private static void run(Contract contract, Runnable test) {
    contract.startEngine();
    try {
      test.run();
    } finally {
      contract.stopEngine();
    }
  }

  @Test
  void aHandlerThatPlansOperationsWhenInSyncFailsTheContract() {
    Contract contract = new Contract(h -> new Broken(h, true, false), null);

    assertThatThrownBy(() -> run(contract, contract::theHandlerPlansNoOperationForAnInSyncResource))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("plan() of an in-sync resource")
        .hasMessageContaining("rewrite contract anyway");
  }

  @Test
  void theFakeHandlerPlansNothingWhenInSync() {
    Contract contract = new Contract(h -> h, null);

    assertThatCode(() -> run(contract, contract::theHandlerPlansNoOperationForAnInSyncResource))
        .doesNotThrowAnyException();
  }

  @Test
  void aResourceThatNeverConvergesIsReportedByItsDifferingPathsNotItsState() {
    Contract contract = new Contract(h -> new Broken(h, false, true), new FakeModel(5, "1.0"));

    assertThatThrownBy(() -> run(contract, contract::theResourceConvergesOnceItsTasksFinish))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("differing paths [/size]")
        .hasMessageNotContaining("ResourceState");
  }
}

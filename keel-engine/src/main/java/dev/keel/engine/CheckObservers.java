package dev.keel.engine;

import dev.keel.engine.check.CheckObserver;
import dev.keel.engine.check.FinishedCheck;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link CheckObserver}s, each told in turn, each one's failure contained and logged. */
final class CheckObservers {

  private static final Logger LOG = LoggerFactory.getLogger(CheckObservers.class);

  private final CopyOnWriteArrayList<CheckObserver> observers = new CopyOnWriteArrayList<>();

  CheckObserver.Registration add(CheckObserver observer) {
    // Wrapped, so that one observer registered twice is removed once per registration.
    CheckObserver[] entry = {observer};
    CheckObserver registered = new CheckObserver() {
      @Override
      public void checkFinished(FinishedCheck check) {
        entry[0].checkFinished(check);
      }

      @Override
      public void claimed(Duration latency, int claimed, boolean failed) {
        entry[0].claimed(latency, claimed, failed);
      }
    };
    observers.add(registered);
    return () -> observers.remove(registered);
  }

  void checkFinished(FinishedCheck check) {
    tell("checkFinished", o -> o.checkFinished(check));
  }

  void claimed(Duration latency, int claimed, boolean failed) {
    tell("claimed", o -> o.claimed(latency, claimed, failed));
  }

  private void tell(String what, Consumer<CheckObserver> call) {
    for (CheckObserver o : observers) {
      try {
        call.accept(o);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("A check observer failed in {}; the engine goes on: {}", what, e.toString());
      }
    }
  }
}

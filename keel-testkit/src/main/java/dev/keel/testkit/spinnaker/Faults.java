package dev.keel.testkit.spinnaker;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The faults a {@link FakeSpinnaker} injects, per route: the next {@code k} matching requests, or every one
 * until cleared. Faults are tried in the order they were added; the first that matches a request applies and
 * uses up one of its count. Thread-safe.
 *
 * <pre>{@code
 * fake.faults().next(Route.clouddriver("GET", "/applications/*}{@code /clusters/**"), 2, new Fault.Status(503));
 * fake.faults().next(Route.orca("POST", "/ops"), 1, new Fault.FailTask("Stage createServerGroup failed: boom"));
 * Gate gate = Gate.closed();
 * fake.faults().always(Route.orca("GET", "/tasks/*"), new Fault.Hang(gate));
 * }</pre>
 */
public final class Faults {

  private static final class Injection {
    final Route route;
    final Fault fault;
    int remaining;

    Injection(Route route, Fault fault, int remaining) {
      this.route = route;
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final List<Injection> injections = new ArrayList<>();
  private final List<Gate> gates = new ArrayList<>();
  private int applied;

  Faults() {}

  /**
   * Injects a fault into the next matching requests.
   *
   * @param route the requests
   * @param count how many, at least 1
   * @param fault the fault
   * @return this
   * @throws IllegalArgumentException for a count below 1, or a {@link Fault.FailTask} off {@code POST /ops}
   */
  public synchronized Faults next(Route route, int count, Fault fault) {
    if (count < 1) {
      throw new IllegalArgumentException("A fault applies to at least one request, got " + count);
    }
    return add(route, count, fault);
  }

  /**
   * Injects a fault into every matching request until {@link #clear()}.
   *
   * @param route the requests
   * @param fault the fault
   * @return this
   */
  public synchronized Faults always(Route route, Fault fault) {
    return add(route, -1, fault);
  }

  private Faults add(Route route, int count, Fault fault) {
    if (fault instanceof Fault.FailTask && !(route.service() == Service.ORCA && route.method().equals("POST")
        && route.pathGlob().equals("/ops"))) {
      throw new IllegalArgumentException("A failing task is injected on Orca's POST /ops, not on " + route);
    }
    injections.add(new Injection(route, fault, count));
    if (fault instanceof Fault.SlowBody s) {
      gates.add(s.gate());
    } else if (fault instanceof Fault.Hang h) {
      gates.add(h.gate());
    }
    return this;
  }

  /** Removes every fault not yet used up (gates already reached stay as they are). */
  public synchronized void clear() {
    injections.clear();
  }

  /**
   * How many requests a fault has been applied to so far.
   *
   * @return the count
   */
  public synchronized int applied() {
    return applied;
  }

  /** The fault for a request, using up one of its count; null when none matches. */
  @Nullable
  synchronized Fault take(Service service, String method, String path) {
    for (Iterator<Injection> it = injections.iterator(); it.hasNext(); ) {
      Injection i = it.next();
      if (i.route.matches(service, method, path)) {
        if (i.remaining > 0 && --i.remaining == 0) {
          it.remove();
        }
        applied++;
        return i.fault;
      }
    }
    return null;
  }

  /** Opens every gate a fault was given, so that no server thread stays blocked. */
  synchronized void openGates() {
    gates.forEach(Gate::open);
  }
}

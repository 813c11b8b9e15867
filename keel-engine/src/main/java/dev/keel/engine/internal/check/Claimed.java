package dev.keel.engine.internal.check;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.store.CheckInputs;
import java.util.List;

/**
 * What a check that executes has besides the resource: the lease of its claim, what the store gave it to start
 * from, and when to check the resource next.
 *
 * @param lease the lease, passed with every write
 * @param inputs the state, pauses, running tasks and history read at the start
 * @param next when the resource is next due, by the check's result
 */
record Claimed(CheckLease lease, CheckInputs inputs, NextCheck next) {

  /** The history read at the start, newest first. */
  List<KeelEvent> history() {
    return inputs.history();
  }
}

package dev.keel.engine.diff;

import java.util.List;

/** What a path glob configured on the builder does at the nodes it matches. */
sealed interface PathRule {

  /** Skip the node and its subtree. */
  record Ignore() implements PathRule {}

  /** Compare only what desired sets in the subtree: values absent or null in desired are not compared. */
  record DesiredSubset() implements PathRule {}

  /** Use these semantics for the collection at the node. */
  record Semantics(CollectionSemantics semantics, List<String> keys) implements PathRule {}

  /** Compare the value at the node with this comparator. */
  record Compare(ValueComparator comparator) implements PathRule {}
}

package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.AbstractList;
import java.util.RandomAccess;

/** A read-only {@code List} view of a JSON array. */
final class ArrayNodeList extends AbstractList<Object> implements RandomAccess {

  private final ArrayNode node;

  ArrayNodeList(ArrayNode node) {
    this.node = node;
  }

  @Override
  public Object get(int index) {
    return node.get(index);
  }

  @Override
  public int size() {
    return node.size();
  }
}

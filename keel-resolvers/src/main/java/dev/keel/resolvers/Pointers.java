package dev.keel.resolvers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** Reads and writes values at RFC 6901 JSON pointers in plain maps and lists, copying what it changes. */
final class Pointers {

  private Pointers() {}

  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  @Nullable
  static Object get(Object root, String pointer) {
    Object node = root;
    for (String s : segments(pointer)) {
      if (node instanceof Map<?, ?> m) {
        node = m.get(s);
      } else if (node instanceof List<?> l && s.matches("\\d+") && Integer.parseInt(s) < l.size()) {
        node = l.get(Integer.parseInt(s));
      } else {
        return null;
      }
    }
    return node;
  }

  /** A copy of {@code root} with the value at the pointer set, creating missing mappings on the way. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> set(Map<String, Object> root, String pointer, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(root);
    List<String> path = segments(pointer);
    Object parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      String s = path.get(i);
      if (parent instanceof Map<?, ?> m) {
        Map<String, Object> pm = (Map<String, Object>) m;
        Object child = pm.get(s);
        Object childCopy = child instanceof Map<?, ?> cm ? new LinkedHashMap<>((Map<String, Object>) cm)
            : child instanceof List<?> cl ? new ArrayList<>(cl) : new LinkedHashMap<String, Object>();
        pm.put(s, childCopy);
        parent = childCopy;
      } else if (parent instanceof List<?> l && s.matches("\\d+") && Integer.parseInt(s) < l.size()) {
        List<Object> pl = (List<Object>) l;
        Object child = pl.get(Integer.parseInt(s));
        Object childCopy = child instanceof Map<?, ?> cm ? new LinkedHashMap<>((Map<String, Object>) cm)
            : child instanceof List<?> cl ? new ArrayList<>(cl) : new LinkedHashMap<String, Object>();
        pl.set(Integer.parseInt(s), childCopy);
        parent = childCopy;
      } else {
        throw new IllegalArgumentException("Cannot follow " + pointer + " at '" + s + "'");
      }
    }
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put(last, value);
    } else if (parent instanceof List<?> l && last.matches("\\d+") && Integer.parseInt(last) < l.size()) {
      ((List<Object>) l).set(Integer.parseInt(last), value);
    } else {
      throw new IllegalArgumentException("Cannot set " + pointer);
    }
    return copy;
  }
}

package dev.keel.engine.diff;

import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The differ's result: sorted, minimal changes plus the renderings and path queries over them. */
final class DefaultResourceDiff<T> implements ResourceDiff<T> {

  private final T desired;
  private final T current;
  private final List<ChangeRecord> changes;
  private final Renderings renderings;
  private final Differ differ;
  private String fingerprint;

  DefaultResourceDiff(T desired, T current, List<ChangeRecord> sortedChanges, Renderings renderings, Differ differ) {
    this.desired = desired;
    this.current = current;
    this.changes = sortedChanges;
    this.renderings = renderings;
    this.differ = differ;
  }

  @Override
  public T desired() {
    return desired;
  }

  @Override
  public T current() {
    return current;
  }

  @Override
  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  @Override
  public List<Change> changes() {
    return Collections.unmodifiableList(changes);
  }

  @Override
  public Set<String> affectedTopLevelProperties() {
    TreeSet<String> out = new TreeSet<>();
    for (ChangeRecord c : changes) {
      if (!c.segments().isEmpty()) {
        out.add(c.segments().get(0));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public boolean onlyUnder(String... globs) {
    if (changes.isEmpty()) {
      return false;
    }
    List<PathGlob> parsed = parse(globs);
    for (ChangeRecord c : changes) {
      if (!under(parsed, c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean anyUnder(String... globs) {
    List<PathGlob> parsed = parse(globs);
    for (ChangeRecord c : changes) {
      if (under(parsed, c)) {
        return true;
      }
    }
    return false;
  }

  private static List<PathGlob> parse(String[] globs) {
    List<PathGlob> out = new ArrayList<>(globs.length);
    for (String g : globs) {
      out.add(PathGlob.parse(g));
    }
    return out;
  }

  private static boolean under(List<PathGlob> globs, ChangeRecord c) {
    for (PathGlob g : globs) {
      if (g.matches(c.segments(), true)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Map<String, ResourceDiff<?>> byTopLevelKey() {
    TreeMap<String, List<ChangeRecord>> grouped = new TreeMap<>();
    for (ChangeRecord c : changes) {
      if (!c.segments().isEmpty()) {
        grouped.computeIfAbsent(c.segments().get(0), k -> new ArrayList<>()).add(c.rebase(1));
      }
    }
    Map<String, ResourceDiff<?>> out = new LinkedHashMap<>();
    grouped.forEach((key, sub) -> out.put(key, new DefaultResourceDiff<>(differ.child(desired, key),
        differ.child(current, key), List.copyOf(sub), renderings, differ)));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public Map<String, Object> toDeltaJson() {
    return renderings.delta(changes);
  }

  @Override
  public List<Map<String, Object>> toJsonPatch() {
    return renderings.patch(changes);
  }

  @Override
  public String render() {
    return renderings.text(changes);
  }

  @Override
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = renderings.fingerprint(changes);
      fingerprint = f;
    }
    return f;
  }

  @Override
  public String toString() {
    return render();
  }
}

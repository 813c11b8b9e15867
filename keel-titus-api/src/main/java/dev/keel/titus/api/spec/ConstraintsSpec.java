package dev.keel.titus.api.spec;

import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Titus placement constraints.
 *
 * @param hard constraints the scheduler must meet
 * @param soft constraints it tries to meet; Keel's default is {@code ZoneBalance=true}
 */
public record ConstraintsSpec(Map<String, String> hard, Map<String, String> soft) {

  /** Keel's default: no hard constraints, zone balance preferred. */
  public static final ConstraintsSpec DEFAULT = new ConstraintsSpec(null, null);

  /** Null hard is empty, null soft is zone balance. */
  public ConstraintsSpec(@Nullable Map<String, String> hard, @Nullable Map<String, String> soft) {
    this.hard = hard == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hard));
    this.soft = soft == null ? Map.of("ZoneBalance", "true") : java.util.Collections.unmodifiableMap(new TreeMap<>(soft));
  }
}

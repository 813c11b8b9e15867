package dev.keel.titus.api.spec;

import javax.annotation.Nullable;

/**
 * What each task gets; in a spec every field is optional and falls back to the cluster's, then to Keel's
 * defaults (1 cpu, 512 MB memory, 10000 MB disk, no gpu, 128 Mbps).
 *
 * @param cpu cpus, 1..64
 * @param memory memory in MB, 512..472000
 * @param disk disk in MB, 10000..999000
 * @param gpu gpus, 0..16
 * @param networkMbps network in Mbps, 128..40000
 */
public record ResourcesSpec(@Nullable Integer cpu, @Nullable Integer memory, @Nullable Integer disk,
    @Nullable Integer gpu, @Nullable Integer networkMbps) {

  /** Keel's defaults. */
  public static final ResourcesSpec DEFAULT = new ResourcesSpec(1, 512, 10000, 0, 128);

  /** Checks Titus's ranges. */
  public ResourcesSpec {
    check("cpu", cpu, 1, 64);
    check("memory", memory, 512, 472000);
    check("disk", disk, 10000, 999000);
    check("gpu", gpu, 0, 16);
    check("networkMbps", networkMbps, 128, 40000);
  }

  private static void check(String name, @Nullable Integer v, int min, int max) {
    if (v != null && (v < min || v > max)) {
      throw new IllegalArgumentException("resources." + name + " must be between " + min + " and " + max + ", got " + v);
    }
  }

  /**
   * Each field of this, else of a fallback.
   *
   * @param fallback the fallback, or null
   * @return the merge
   */
  public ResourcesSpec orElse(@Nullable ResourcesSpec fallback) {
    if (fallback == null) {
      return this;
    }
    return new ResourcesSpec(cpu != null ? cpu : fallback.cpu, memory != null ? memory : fallback.memory,
        disk != null ? disk : fallback.disk, gpu != null ? gpu : fallback.gpu,
        networkMbps != null ? networkMbps : fallback.networkMbps);
  }
}

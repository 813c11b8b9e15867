package dev.keel.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/** Plugins: where the zips are, which not to load, and each plugin's settings. Part of {@link KeelProperties}. */
public class PluginProperties {
  @Nullable private String directory;
  private Set<String> disabled = new LinkedHashSet<>();
  @Nullable private Duration startDeadline;
  private Map<String, Map<String, Object>> config = new LinkedHashMap<>();

  /** @return the directory of plugin zips, or null to load none */
  @Nullable
  public String getDirectory() {
    return directory;
  }

  /** @param directory the directory of plugin zips */
  public void setDirectory(@Nullable String directory) {
    this.directory = directory;
  }

  /** @return plugin ids not to load */
  public Set<String> getDisabled() {
    return disabled;
  }

  /** @param disabled plugin ids not to load */
  public void setDisabled(Set<String> disabled) {
    this.disabled = disabled;
  }

  /** @return how long each plugin may take to start, or null for the default */
  @Nullable
  public Duration getStartDeadline() {
    return startDeadline;
  }

  /** @param startDeadline how long each plugin may take to start */
  public void setStartDeadline(@Nullable Duration startDeadline) {
    this.startDeadline = startDeadline;
  }

  /** @return each plugin's settings by plugin id ({@code keel.plugins.config[dev.keel.ec2].simulated}) */
  public Map<String, Map<String, Object>> getConfig() {
    return config;
  }

  /** @param config each plugin's settings by plugin id */
  public void setConfig(Map<String, Map<String, Object>> config) {
    this.config = config;
  }
}

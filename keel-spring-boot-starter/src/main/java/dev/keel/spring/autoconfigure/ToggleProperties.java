package dev.keel.spring.autoconfigure;

/** A part that can be turned off. Part of {@link KeelProperties}. */
public class ToggleProperties {
  private boolean enabled = true;

  /** @return whether the part is on */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param enabled whether the part is on */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}

package dev.keel.spring.autoconfigure;

/** Keel's REST API. Part of {@link KeelProperties}. */
public class ApiProperties extends ToggleProperties {
  private int maxConfigBytes = 1024 * 1024;

  /** @return the largest delivery config accepted, in bytes */
  public int getMaxConfigBytes() {
    return maxConfigBytes;
  }

  /** @param maxConfigBytes the largest delivery config accepted, in bytes */
  public void setMaxConfigBytes(int maxConfigBytes) {
    this.maxConfigBytes = maxConfigBytes;
  }
}

package dev.keel.ec2.api.spec;

/**
 * A range of ports; omitted on a rule, all ports.
 *
 * @param startPort the first port
 * @param endPort the last port
 */
public record PortRange(int startPort, int endPort) {

  /** All ports. */
  public static final PortRange ALL = new PortRange(0, 65535);

  /** Checks the range. */
  public PortRange {
    if (startPort < 0 || endPort > 65535 || endPort < startPort) {
      throw new IllegalArgumentException("portRange needs 0 <= startPort <= endPort <= 65535, got " + startPort + "-"
          + endPort);
    }
  }
}

package dev.keel.examples.cli;

import java.util.Locale;

/**
 * Which cloud the SDK's cloud plugins talk to in a command ({@code --cloud}): the simulators' clouds directly, or
 * the same clouds behind an in-process fake Spinnaker, through the plugins' HTTP adapters over Clouddriver and
 * Orca.
 */
enum CloudChoice {
  /** The plugins run on the simulated clouds, configured with {@code simulated: true} (the default). */
  SIMULATED,
  /** The plugins run with {@code cloud: spinnaker} against a fake Spinnaker serving the simulated clouds. */
  SPINNAKER;

  /** The flag that chooses. */
  static final String FLAG = "--cloud";

  /**
   * The choice a command line makes.
   *
   * @param options the command's options
   * @return the choice, {@link #SIMULATED} without the flag
   * @throws UsageException for a value other than {@code simulated} or {@code spinnaker}
   */
  static CloudChoice of(Options options) {
    String value = options.value(FLAG);
    if (value == null) {
      return SIMULATED;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "simulated" -> SIMULATED;
      case "spinnaker" -> SPINNAKER;
      default -> throw new UsageException(FLAG + " takes simulated or spinnaker, not '" + value + "'");
    };
  }
}

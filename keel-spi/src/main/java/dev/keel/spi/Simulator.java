package dev.keel.spi;

import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A simulated cloud, shipped as a plugin of its own (the EC2 and Titus simulators are {@code dev.keel.ec2-sim}
 * and {@code dev.keel.titus-sim}), as a host drives it: the keel CLI, the examples and tests seed it from a
 * scenario and play a timeline of events against it (faults, changes made by hand). It implements the cloud
 * plugins' ports and offers them through {@link #clouds()}; a cloud plugin uses them, through
 * {@link KeelContext#simulated(Class)}, only when its configuration asks for the simulated cloud, so what the
 * simulator seeds is what that plugin's handlers see.
 *
 * <p>Everything crosses this interface as plain values (maps, lists, strings, numbers, booleans), so a host
 * needs none of the plugin's classes. Calls come from one thread at a time, between engine steps.
 */
public interface Simulator extends ExtensionPoint {

  /**
   * The simulator's name, which is also the key of its section in a scenario's {@code clouds} map and the
   * prefix of its timeline actions, such as {@code ec2}.
   *
   * @return the name
   */
  String name();

  /**
   * Seeds the simulated cloud from its section of a scenario (accounts, regions, networks, images, existing
   * resources), on top of what the simulator starts with.
   *
   * @param section the section, as plain values
   * @throws IllegalArgumentException if the section is malformed; the message starts with the path of the
   *     bad value inside the section (such as {@code serverGroups[0].capacity}) and says what is expected
   */
  void seed(Map<String, Object> section);

  /**
   * Adds what a delivery config's resources need and the cloud cannot make by itself, such as an account or
   * region the config names that the simulator does not know. Called before the config is submitted.
   *
   * @param config the delivery config
   */
  default void prepare(DeliveryConfig config) {}

  /**
   * Makes a newly published artifact version deployable when the cloud needs more than the version itself,
   * such as a container image for a Docker tag. Called before the version reaches the engine.
   *
   * @param artifact the artifact
   * @param version the version
   */
  default void published(DeliveryArtifact artifact, String version) {}

  /**
   * The timeline actions the simulator understands, each with a one-line description of its arguments.
   *
   * @return action name to description
   */
  Map<String, String> actions();

  /**
   * Applies a timeline action now (on the engine's clock).
   *
   * @param action one of {@link #actions()}
   * @param arguments the action's arguments, as plain values
   * @return what happened, in a few words, for the host to print
   * @throws IllegalArgumentException if the action is unknown or an argument is missing or malformed; the
   *     message names the argument
   */
  String apply(String action, Map<String, Object> arguments);

  /**
   * The cloud ports this simulator implements, each by the port type a cloud plugin asks
   * {@link KeelContext#simulated(Class)} for, such as {@code Ec2Cloud.class} from the host-provided
   * {@code keel-ec2-api}. The engine asks once, after constructing the simulators and before the other
   * extensions, so that a cloud plugin's constructors find them.
   *
   * @return port type to the simulated cloud implementing it; empty by default
   */
  default Map<Class<?>, Object> clouds() {
    return Map.of();
  }

  /**
   * Whether the simulator drives a simulated cloud; when false, {@link #seed}, {@link #prepare},
   * {@link #published} and {@link #apply} must not be called.
   *
   * @return true for a simulated cloud, the default
   */
  default boolean active() {
    return true;
  }
}

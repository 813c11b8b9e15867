package dev.keel.support.sim;

import dev.keel.spi.Simulator;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated cluster cloud as a host drives it: it offers the cloud under its port type to the cloud plugin
 * ({@link #clouds()}), seeds it from its section of a scenario, adds what a delivery config's resources of its
 * kinds' group need, and plays timeline actions: the shared ones ({@link SimActions}) and its own. A cloud's
 * simulator extends it with its section, its preparation and its own actions.
 *
 * @param <C> the simulated cloud
 */
public abstract class ClusterSimulator<C extends SimulatedClusterCloud<?, ?, ?>> implements Simulator {

  /** The simulated cloud. */
  protected final C sim;
  private final String name;
  private final Class<?> port;
  private final SimActions shared;

  /**
   * A simulator.
   *
   * @param name its name, which is also its kinds' group and its scenario section, such as {@code ec2}
   * @param port the port type the cloud plugin asks for, such as {@code Ec2Cloud.class}
   * @param sim the simulated cloud, which implements the port
   * @param shared the shared timeline actions in the cloud's words
   */
  protected ClusterSimulator(String name, Class<?> port, C sim, SimActions shared) {
    if (!port.isInstance(sim)) {
      throw new IllegalArgumentException(sim.getClass().getName() + " does not implement " + port.getName());
    }
    this.name = Objects.requireNonNull(name, "name");
    this.port = port;
    this.sim = sim;
    this.shared = shared;
  }

  /**
   * Reads a section of a scenario and applies it to the simulated cloud.
   *
   * @param section the section
   * @throws IllegalArgumentException if a value is off, with its path
   */
  protected abstract void seed(PlainMap section);

  /**
   * Adds what the locations of a config's resources need that the cloud lacks, such as accounts and regions.
   *
   * @param locations the locations of the config's resources of this simulator's kinds
   */
  protected abstract void prepare(List<Locations> locations);

  /**
   * Checks that an account and a region a change by hand names are known.
   *
   * @param arguments the action's arguments, where a problem is reported
   * @param account the account
   * @param region the region
   * @throws IllegalArgumentException if either is not known
   */
  protected abstract void checkPlace(PlainMap arguments, String account, String region);

  /**
   * Plays one of the simulator's own actions.
   *
   * @param action the action
   * @param arguments its arguments
   * @return what happened
   * @throws IllegalArgumentException if the action is unknown ({@link #unknown}) or an argument is off
   */
  protected abstract String applyOwn(String action, PlainMap arguments);

  /**
   * The problem of an action the simulator does not play.
   *
   * @param action the action
   * @return the problem, to throw
   */
  protected final IllegalArgumentException unknown(String action) {
    return new IllegalArgumentException("Unknown " + name + " action '" + action + "'; expected one of "
        + String.join(", ", actions().keySet()));
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Map<Class<?>, Object> clouds() {
    return Map.of(port, sim);
  }

  @Override
  public final void seed(Map<String, Object> section) {
    sim.catchUp();
    seed(PlainMap.of(section));
  }

  @Override
  public final void prepare(DeliveryConfig config) {
    prepare(config.resources().filter(r -> name.equals(r.kind().group())).map(Resource::spec)
        .filter(Locatable.class::isInstance).map(s -> ((Locatable) s).locations()).filter(Objects::nonNull)
        .toList());
  }

  @Override
  public final String apply(String action, Map<String, Object> arguments) {
    // What was due before now happens before the action, with the faults and settings of its time.
    sim.catchUp();
    PlainMap a = PlainMap.of(arguments);
    return SimActions.plays(action) ? shared.apply(action, a, sim, this::checkPlace) : applyOwn(action, a);
  }
}

package dev.keel.testplugin;

import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginUnavailableException;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A widget handler with a fault chosen by the {@value #FAULTS} resource a test writes into a variant of
 * the plugin zip (with this class listed in its extension index; it is not annotated, so the built zip
 * does not list it; nor does it extend {@link WidgetHandler}, whose annotation PF4J would inherit).
 * {@code constructor=hang} makes its constructor wait until interrupted; {@code constructor=unavailable} makes
 * it say its plugin cannot work here; {@code constructor=simulated} makes it need the simulated clock a
 * {@link WidgetSimulator} offers (as a cloud plugin needs a simulated cloud), and say its plugin cannot work
 * without one; {@code supportedKind=throw}, {@code null} or a kind such as {@code ec2/cluster@v1.1} choose
 * what {@link #supportedKind()} does.
 */
public class FaultyWidgetHandler implements ResourceHandler<WidgetSpec, WidgetSpec> {

  /** The resource holding the faults, at the root of the plugin's classes. */
  public static final String FAULTS = "keel-test-faults.properties";

  private final Properties faults = new Properties();

  /**
   * Creates the handler, hanging first if told to.
   *
   * @param context the engine's context
   */
  public FaultyWidgetHandler(KeelContext context) {
    java.util.Objects.requireNonNull(context, "context");
    try (InputStream in = FaultyWidgetHandler.class.getClassLoader().getResourceAsStream(FAULTS)) {
      if (in != null) {
        faults.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if ("unavailable".equals(faults.getProperty("constructor"))) {
      throw new PluginUnavailableException("the widget factory is closed: open it with factory=open");
    }
    if ("simulated".equals(faults.getProperty("constructor"))) {
      Clock clock = context.simulated(Clock.class).orElseThrow(() -> new PluginUnavailableException(
          "no simulated widget clock: load the widget simulator"));
      java.util.Objects.requireNonNull(clock.instant(), "instant");
    }
    if ("hang".equals(faults.getProperty("constructor"))) {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while constructing", e);
      }
    }
  }

  @Override
  public SupportedKind<WidgetSpec> supportedKind() {
    String kind = faults.getProperty("supportedKind", WidgetHandler.KIND);
    if (kind.equals("throw")) {
      throw new IllegalStateException("kind registry offline");
    }
    if (kind.equals("null")) {
      return null;
    }
    return SupportedKind.of(kind, WidgetSpec.class);
  }

  @Override
  public WidgetSpec desired(Resource<WidgetSpec> resource, ResourceContext ctx) {
    return resource.spec();
  }

  @Override
  public WidgetSpec current(Resource<WidgetSpec> resource, ResourceContext ctx) {
    return null;
  }

  @Override
  public Actuation plan(Resource<WidgetSpec> resource, ResourceDiff<WidgetSpec> diff, ResourceContext ctx) {
    return Actuation.none();
  }

  @Override
  public List<Task> execute(Resource<WidgetSpec> resource, Actuation actuation, ResourceContext ctx) {
    return List.of();
  }
}

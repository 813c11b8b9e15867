package dev.keel.spinnaker;

import dev.keel.ec2.api.BaseImageSource;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginUnavailableException;
import dev.keel.spi.http.HttpTransport;
import dev.keel.spinnaker.clouddriver.ClouddriverClient;
import dev.keel.spinnaker.ec2.HttpEc2Cloud;
import dev.keel.spinnaker.http.JdkHttpTransport;
import dev.keel.spinnaker.http.SpinnakerHttp;
import dev.keel.spinnaker.orca.OrcaClient;
import dev.keel.spinnaker.pipeline.DockerArtifactSupplier;
import dev.keel.spinnaker.pipeline.PipelineConstraintEvaluator;
import dev.keel.spinnaker.titus.HttpTitusCloud;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A plugin's Spinnaker: its settings, the transport (the host's {@link HttpTransport} when it registered one, else
 * the JDK's built from {@code clouddriverUrl}, {@code orcaUrl}, the timeouts and the TLS stores), the base images
 * (the host's {@link BaseImageSource} when it registered one, else the {@code baseImages} setting), and the clients
 * and adapters over it. The plugin's extensions share one per plugin context, so they share one HTTP client and one
 * set of caches; nothing connects before the first call.
 */
public final class SpinnakerClouds {

  /** One per plugin context (the engine gives all extensions of a plugin the same), held weakly. */
  private static final Map<KeelContext, SpinnakerClouds> BY_CONTEXT = Collections.synchronizedMap(new WeakHashMap<>());

  private final SpinnakerConfig config;
  private final ClouddriverClient clouddriver;
  private final OrcaClient orca;
  private final Clock clock;
  /** The host's base images, or null; asked only when the EC2 adapter is built (a Titus-only host has no EC2 API). */
  private final Supplier<BaseImageSource> baseImages;
  private volatile HttpEc2Cloud ec2;
  private volatile HttpTitusCloud titus;

  /**
   * Spinnaker over a transport.
   *
   * @param transport the transport
   * @param config the settings
   * @param clock the engine's clock
   */
  public SpinnakerClouds(HttpTransport transport, SpinnakerConfig config, Clock clock) {
    this(new SpinnakerHttp(transport, config), clock, () -> null);
  }

  /**
   * Spinnaker over a transport, with the base images from a source of the host's rather than the settings.
   *
   * @param transport the transport
   * @param config the settings
   * @param clock the engine's clock
   * @param baseImages where the EC2 adapter finds base images, or null for the {@code baseImages} setting
   */
  public SpinnakerClouds(HttpTransport transport, SpinnakerConfig config, Clock clock,
      @Nullable BaseImageSource baseImages) {
    this(new SpinnakerHttp(transport, config), clock, () -> baseImages);
  }

  /**
   * Spinnaker over an HTTP caller (tests give one whose back-off does not wait).
   *
   * @param http the caller
   * @param clock the engine's clock
   */
  public SpinnakerClouds(SpinnakerHttp http, Clock clock) {
    this(http, clock, () -> null);
  }

  private SpinnakerClouds(SpinnakerHttp http, Clock clock, Supplier<BaseImageSource> baseImages) {
    this.config = http.config();
    this.clock = clock;
    this.baseImages = baseImages;
    this.clouddriver = new ClouddriverClient(http, clock);
    this.orca = new OrcaClient(http, clock);
  }

  /**
   * The Spinnaker of a plugin configured with {@code cloud: spinnaker}, shared by its extensions.
   *
   * @param context an extension's context
   * @param pluginId the plugin, for messages
   * @return the plugin's Spinnaker
   * @throws PluginUnavailableException naming the setting that is missing or wrong
   */
  public static SpinnakerClouds of(KeelContext context, String pluginId) {
    synchronized (BY_CONTEXT) {
      SpinnakerClouds clouds = BY_CONTEXT.get(context);
      if (clouds == null) {
        clouds = create(context, pluginId);
        BY_CONTEXT.put(context, clouds);
      }
      return clouds;
    }
  }

  private static SpinnakerClouds create(KeelContext context, String pluginId) {
    Optional<HttpTransport> host = context.service(HttpTransport.class);
    SpinnakerConfig config = SpinnakerConfig.from(context.config(), pluginId, host.isEmpty());
    HttpTransport transport = host.orElseGet(() -> jdk(config, pluginId));
    return new SpinnakerClouds(new SpinnakerHttp(transport, config), context.clock(),
        () -> context.service(BaseImageSource.class).orElse(null));
  }

  /**
   * The JDK transport for some settings.
   *
   * @param config the settings, with both base URLs
   * @param pluginId the plugin, for messages
   * @return the transport
   * @throws PluginUnavailableException if a TLS store cannot be read
   */
  public static JdkHttpTransport jdk(SpinnakerConfig config, String pluginId) {
    Map<String, URI> urls = new LinkedHashMap<>();
    urls.put(SpinnakerHttp.CLOUDDRIVER, config.clouddriverUrl());
    urls.put(SpinnakerHttp.ORCA, config.orcaUrl());
    return new JdkHttpTransport(urls, config.connectTimeout(), ssl(config, pluginId));
  }

  @Nullable
  private static SSLContext ssl(SpinnakerConfig config, String pluginId) {
    if (config.trustStore() == null && config.keyStore() == null) {
      return null;
    }
    try {
      TrustManagerFactory trust = null;
      if (config.trustStore() != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store(config.trustStore(), config.trustStorePassword()));
      }
      KeyManagerFactory keys = null;
      if (config.keyStore() != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        char[] password = config.keyStorePassword() == null ? new char[0] : config.keyStorePassword().toCharArray();
        keys.init(store(config.keyStore(), config.keyStorePassword()), password);
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw new PluginUnavailableException("plugin " + pluginId + " with cloud: spinnaker cannot set up TLS from"
          + " trustStore " + config.trustStore() + " and keyStore " + config.keyStore() + ": " + e.getMessage());
    }
  }

  private static KeyStore store(String file, @Nullable String password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(file.endsWith(".jks") ? "JKS" : "PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      store.load(in, password == null ? null : password.toCharArray());
    }
    return store;
  }

  /**
   * The settings.
   *
   * @return them
   */
  public SpinnakerConfig config() {
    return config;
  }

  /**
   * Clouddriver.
   *
   * @return the client
   */
  public ClouddriverClient clouddriver() {
    return clouddriver;
  }

  /**
   * Orca.
   *
   * @return the client
   */
  public OrcaClient orca() {
    return orca;
  }

  /**
   * The EC2 port over this Spinnaker.
   *
   * @return the cloud, one per instance
   */
  public HttpEc2Cloud ec2() {
    HttpEc2Cloud c = ec2;
    if (c == null) {
      synchronized (this) {
        if (ec2 == null) {
          BaseImageSource host = baseImages.get();
          ec2 = new HttpEc2Cloud(clouddriver, orca, config, clock,
              host == null ? HttpEc2Cloud.configured(config) : host);
        }
        c = ec2;
      }
    }
    return c;
  }

  /**
   * The Titus port over this Spinnaker.
   *
   * @return the cloud, one per instance
   */
  public HttpTitusCloud titus() {
    HttpTitusCloud c = titus;
    if (c == null) {
      synchronized (this) {
        if (titus == null) {
          titus = new HttpTitusCloud(clouddriver, orca, config, clock);
        }
        c = titus;
      }
    }
    return c;
  }

  /**
   * A {@code pipeline} constraint evaluator over this Spinnaker's Orca.
   *
   * @return a new evaluator
   */
  public PipelineConstraintEvaluator pipelines() {
    return new PipelineConstraintEvaluator(orca);
  }

  /**
   * A Docker artifact supplier over this Spinnaker's Clouddriver, reading {@link SpinnakerConfig#dockerRegistry()}.
   *
   * @return a new supplier
   */
  public DockerArtifactSupplier dockerArtifacts() {
    return new DockerArtifactSupplier(clouddriver, config.dockerRegistry());
  }
}

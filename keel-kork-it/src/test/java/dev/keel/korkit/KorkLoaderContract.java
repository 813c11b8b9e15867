package dev.keel.korkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.netflix.spinnaker.kork.plugins.CanonicalPluginId;
import com.netflix.spinnaker.kork.plugins.SpinnakerPluginDescriptor;
import com.netflix.spinnaker.kork.plugins.SpinnakerPluginManager;
import com.netflix.spinnaker.kork.plugins.VersionRequirementsParser;
import com.netflix.spinnaker.kork.plugins.config.ConfigResolver;
import com.netflix.spinnaker.kork.plugins.config.PluginConfigCoordinates;
import com.netflix.spinnaker.kork.plugins.v2.PluginContainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pf4j.ExtensionPoint;
import org.pf4j.Plugin;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a kork service named {@code keel} makes of every Keel SDK plugin, whatever form the zips are laid out in:
 * its {@code SpinnakerPluginManager} accepts the descriptor, loads and starts the plugin, resolves its configuration,
 * and PF4J lists its extensions as implementations of the host's {@code keel-spi} extension points. One service is
 * started per subclass, on a plugins root the subclass lays out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KorkLoaderContract {

  Path root;

  ConfigurableApplicationContext service;

  SpinnakerPluginManager manager;

  /**
   * Lays the zips out in the plugins root.
   *
   * @param root the service's {@code spinnaker.extensibility.plugins-root-path}
   */
  abstract void layOut(Path root) throws IOException;

  /**
   * The directory kork loaded a plugin from.
   *
   * @param root the plugins root
   * @param plugin the plugin
   * @return the directory the plugin's zip was expanded to
   */
  abstract Path expectedPluginPath(Path root, KeelPlugin plugin);

  @BeforeAll
  void startKeelService(@TempDir Path pluginsRoot) throws IOException {
    root = pluginsRoot;
    layOut(root);
    service = KeelService.start(root);
    manager = service.getBean(SpinnakerPluginManager.class);
  }

  @AfterAll
  void stopKeelService() {
    if (service != null) {
      service.close();
    }
  }

  static Stream<KeelPlugin> plugins() {
    return KeelPlugin.ALL.stream();
  }

  @Test
  void exactlyThePluginsEnabledInTheServicesConfigurationAreStarted() {
    assertThat(manager.getStartedPlugins())
        .extracting(PluginWrapper::getPluginId, PluginWrapper::getPluginState)
        .containsExactlyInAnyOrderElementsOf(KeelPlugin.ALL.stream()
            .map(p -> tuple(p.id(), PluginState.STARTED)).toList());
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void korksManagerLoadsThePluginFromItsZipAndStartsItsPluginClass(KeelPlugin plugin) {
    PluginWrapper wrapper = manager.getPlugin(plugin.id());

    assertThat(wrapper).as("%s loaded by kork", plugin.id()).isNotNull();
    assertThat(wrapper.getPluginState()).isEqualTo(PluginState.STARTED);
    assertThat(wrapper.getPluginPath()).isEqualTo(expectedPluginPath(root, plugin));
    assertThat(wrapper.getPlugin()).as("framework V2 wraps the plugin").isInstanceOf(PluginContainer.class);
    Plugin actual = ((PluginContainer) wrapper.getPlugin()).getActual();
    assertThat(actual.getClass().getName()).isEqualTo(plugin.pluginClass());
    assertThat(actual.getClass().getClassLoader()).as("the plugin class comes from the zip")
        .isSameAs(wrapper.getPluginClassLoader());
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void korkAcceptsTheDescriptorsCanonicalIdAndItsRequirementOnKeel(KeelPlugin plugin) {
    PluginWrapper wrapper = manager.getPlugin(plugin.id());
    assertThat(wrapper).as("%s loaded by kork", plugin.id()).isNotNull();
    SpinnakerPluginDescriptor descriptor = (SpinnakerPluginDescriptor) wrapper.getDescriptor();

    assertThat(CanonicalPluginId.Companion.isValid(descriptor.getPluginId())).isTrue();
    assertThat(descriptor.getVersion()).isEqualTo(System.getProperty("keel.projectVersion"));
    assertThat(descriptor.getProvider()).isNotBlank();
    assertThat(descriptor.getPluginClass()).isEqualTo(plugin.pluginClass());
    assertThat(descriptor.getUnsafe()).as("loaded in its own class loader").isFalse();
    assertThat(VersionRequirementsParser.INSTANCE.parseAll(descriptor.getRequires()))
        .extracting(VersionRequirementsParser.VersionRequirements::getService).contains(KeelService.NAME);
    assertThat(manager.getSystemVersion()).as("the service's version, from its manifest").isEqualTo(KeelService.VERSION);
    assertThat(manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), descriptor.getRequires()))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void korkResolvesThePluginsConfigurationFromItsSpinnakerProperties(KeelPlugin plugin) {
    ConfigResolver resolver = service.getBean(ConfigResolver.class);

    HashMap<String, Object> config = resolver.resolve(new PluginConfigCoordinates(plugin.id(), ""),
        new TypeReference<HashMap<String, Object>>() {});

    assertThat(config).isEqualTo(plugin.config());
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void pf4jInKorksManagerListsThePluginsExtensionsAsImplementationsOfTheHostsSpi(KeelPlugin plugin) {
    List<String> indexed = List.copyOf(manager.getExtensionClassNames(plugin.id()));

    assertThat(indexed).containsAll(plugin.extensions());
    assertThat(manager.getExtensionClasses(ExtensionPoint.class, plugin.id())).extracting(Class::getName)
        .as("every indexed extension is a PF4J extension point of the host's pf4j")
        .containsExactlyInAnyOrderElementsOf(indexed);
    assertThat(manager.getExtensionClasses(plugin.extensionPoint(), plugin.id())).extracting(Class::getName)
        .as("%s from the host's keel-spi: the zip does not bundle its own", plugin.extensionPoint().getSimpleName())
        .containsAll(plugin.extensions());
    assertThat(manager.getExtensionClasses(plugin.extensionPoint(), plugin.id()))
        .allSatisfy(c -> assertThat(c.getClassLoader()).isSameAs(manager.getPlugin(plugin.id()).getPluginClassLoader()));
  }
}

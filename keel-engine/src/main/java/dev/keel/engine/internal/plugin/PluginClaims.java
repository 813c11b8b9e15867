package dev.keel.engine.internal.plugin;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.config.RegistrationConflictException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Decides which plugins may keep the names they claim (resource kinds, constraint and verification types),
 * before anything is registered for real, so that a bad plugin is skipped instead of aborting the engine.
 *
 * <ul>
 *   <li>An extension whose {@code supportedKind()}, {@code input()}, {@code type()} and the like throws,
 *       returns null or does not return in time disqualifies its plugin.
 *   <li>The host (built-in types, the builder's extensions, classpath extensions) owns its names first,
 *       then the plugins of each plugins root in order: a plugin claiming a name an earlier owner holds
 *       is skipped, and the owner keeps it.
 *   <li>Plugins of one root claiming one name are all skipped, each report naming the other.
 * </ul>
 *
 * Conflicts among the host's own extensions are the host's bug and still throw.
 */
final class PluginClaims {

  private final LoadedExtensions loaded;
  private final Consumer<KindRegistry.Builder> host;
  private final PluginCalls calls;

  PluginClaims(LoadedExtensions loaded, Consumer<KindRegistry.Builder> host, PluginCalls calls) {
    this.loaded = loaded;
    this.host = host;
    this.calls = calls;
  }

  /**
   * The plugins to skip and why.
   *
   * @param tiers plugin ids by precedence: the first root's plugins first
   * @throws RegistrationConflictException if the host's own extensions conflict
   */
  Map<String, String> rejected(List<Set<String>> tiers) {
    Map<String, String> rejected = new LinkedHashMap<>(faulty());
    Set<String> accepted = new HashSet<>(Set.of(Loaded.HOST));
    register(accepted);
    for (Set<String> tier : tiers) {
      List<String> candidates = new ArrayList<>();
      for (String id : tier.stream().sorted().toList()) {
        if (rejected.containsKey(id)) {
          continue;
        }
        RegistrationConflictException conflict = conflict(accepted, Set.of(id));
        if (conflict == null) {
          candidates.add(id);
        } else if (conflict.second().startsWith(ownerPrefix(id)) && conflict.first().startsWith(ownerPrefix(id))) {
          rejected.put(id, "its own extensions both claim the " + conflict.what() + " '" + conflict.name() + "': "
              + conflict.first() + " and " + conflict.second());
        } else {
          rejected.put(id, "claims the " + conflict.what() + " '" + conflict.name() + "', which "
              + conflict.first() + " already owns; remove or disable this plugin");
        }
      }
      for (int i = 0; i < candidates.size(); i++) {
        for (int j = i + 1; j < candidates.size(); j++) {
          String a = candidates.get(i);
          String b = candidates.get(j);
          RegistrationConflictException conflict = conflict(accepted, Set.of(a, b));
          if (conflict != null) {
            String reason = "the " + conflict.what() + " '" + conflict.name() + "' is claimed by both "
                + conflict.first() + " and " + conflict.second() + ": both are skipped; remove or disable one";
            rejected.putIfAbsent(a, reason);
            rejected.putIfAbsent(b, reason);
          }
        }
      }
      for (String id : candidates) {
        if (!rejected.containsKey(id)) {
          accepted.add(id);
        }
      }
    }
    return rejected;
  }

  private static String ownerPrefix(String pluginId) {
    return "plugin '" + pluginId + "'";
  }

  /** The conflict registering {@code more} beside {@code accepted} raises, or null. */
  private RegistrationConflictException conflict(Set<String> accepted, Set<String> more) {
    Set<String> all = new HashSet<>(accepted);
    all.addAll(more);
    try {
      register(all);
      return null;
    } catch (RegistrationConflictException e) {
      return e;
    }
  }

  private void register(Set<String> pluginIds) {
    KindRegistry.Builder trial = KindRegistry.builder();
    host.accept(trial);
    loaded.registerInto(trial, pluginIds::contains);
  }

  /** Plugins with an extension whose claims cannot be read, and why. */
  private Map<String, String> faulty() {
    Map<String, String> faulty = new LinkedHashMap<>();
    for (var h : loaded.handlers()) {
      check(faulty, h, "supportedKind()", () -> h.extension().supportedKind());
    }
    for (var m : loaded.specMigrators()) {
      check(faulty, m, "input()", () -> m.extension().input());
      check(faulty, m, "output()", () -> m.extension().output());
    }
    for (var c : loaded.constraintEvaluators()) {
      check(faulty, c, "type()", () -> c.extension().type());
      check(faulty, c, "constraintClass()", () -> c.extension().constraintClass());
    }
    for (var v : loaded.verificationEvaluators()) {
      check(faulty, v, "type()", () -> v.extension().type());
      check(faulty, v, "verificationClass()", () -> v.extension().verificationClass());
    }
    return faulty;
  }

  private void check(Map<String, String> faulty, Loaded<?> extension, String method, Callable<Object> call) {
    if (extension.fromHost() || faulty.containsKey(extension.pluginId())) {
      return; // the host's own extensions fail loudly when registered
    }
    String what = "extension " + extension.extension().getClass().getName() + ": its " + method;
    try {
      if (calls.call(call) == null) {
        faulty.put(extension.pluginId(), what + " returned null");
      }
    } catch (PluginCalls.DeadlineExceeded e) {
      faulty.put(extension.pluginId(), what + " " + e.getMessage());
    } catch (RuntimeException | Error e) {
      faulty.put(extension.pluginId(), what + " threw " + KeelExtensionFactory.describe(e));
    }
  }
}

package dev.keel.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.engine.UnsupportedKindException;
import dev.keel.engine.config.ConfigSpecCodec;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.Nullable;

/**
 * {@code keel export KIND NAME --account A}: describes a resource that exists in a simulated cloud (seeded by
 * a scenario) as a resource to paste into a delivery config, defaults left out.
 */
final class ExportCommand {

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  private final Cli cli;

  ExportCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    if (options.positionals().size() != 2) {
      throw new UsageException("'keel export' takes KIND and NAME, such as: keel export ec2/cluster fnord-main "
          + "--account test");
    }
    String account = options.value("--account");
    if (account == null) {
      throw new UsageException("'keel export' needs --account A");
    }
    String kindText = options.positionals().get(0);
    Moniker moniker;
    try {
      moniker = Moniker.parse(options.positionals().get(1));
    } catch (IllegalArgumentException e) {
      throw new UsageException("NAME: " + e.getMessage());
    }
    try (Cli.Prepared prepared = cli.prepare(options)) {
      Simulation sim = prepared.simulation();
      ResourceKind kind = kind(sim, kindText);
      Exportable exportable = new Exportable(kind, account, moniker, new LinkedHashSet<>(options.values("--region")),
          "keel-cli");
      CompletableFuture<Resource<?>> future = sim.engine().exportAsync(exportable);
      sim.scheduler().runUntilIdle();
      Resource<?> resource;
      try {
        resource = future.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof UnsupportedOperationException || cause instanceof UnsupportedKindException
            || cause instanceof IllegalArgumentException) {
          throw new CliException("keel: cannot export " + kind + " " + moniker.toName() + " in " + account + ": "
              + cause.getMessage());
        }
        throw new CliException("keel: exporting " + kind + " " + moniker.toName() + " failed: " + cause);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("kind", resource.kind().toString());
      doc.put("spec", withoutDefaults(new ConfigSpecCodec().toMap(resource.spec())));
      try {
        cli.out().print(YAML.writeValueAsString(doc));
      } catch (JsonProcessingException e) {
        throw new CliException("keel: cannot write the exported spec: " + e.getOriginalMessage());
      }
      return Cli.OK;
    }
  }

  /**
   * The spec without the values a config may leave out: nulls (the reader's defaults then apply) and empty
   * objects and lists, at every depth. What is left is what the user would have to write.
   */
  static Map<String, Object> withoutDefaults(Map<String, Object> spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    spec.forEach((key, value) -> {
      Object kept = kept(value);
      if (kept != null) {
        out.put(key, kept);
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  @Nullable
  private static Object kept(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> inner = withoutDefaults((Map<String, Object>) map);
      return inner.isEmpty() ? null : inner;
    }
    if (value instanceof List<?> list) {
      List<Object> inner = new ArrayList<>();
      for (Object element : list) {
        // An element stays even when it is empty: its position or presence can mean something.
        Object k = kept(element);
        inner.add(k != null ? k : element);
      }
      return inner.isEmpty() ? null : inner;
    }
    return value;
  }

  /** A kind as written, or its newest version when written without one ({@code ec2/cluster}). */
  private static ResourceKind kind(Simulation sim, String text) {
    var kinds = sim.engine().registry().kinds();
    if (text.contains("@")) {
      try {
        return ResourceKind.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UsageException("KIND: " + e.getMessage());
      }
    }
    return kinds.stream().filter(k -> (k.group() + "/" + k.kind()).equals(text)).max(Comparator.naturalOrder())
        .orElseThrow(() -> new UsageException("unknown kind '" + text + "'; the loaded plugins support "
            + kinds.stream().map(k -> k.group() + "/" + k.kind()).distinct().sorted().toList()));
  }
}

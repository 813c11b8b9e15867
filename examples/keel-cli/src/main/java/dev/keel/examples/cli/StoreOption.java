package dev.keel.examples.cli;

import dev.keel.engine.KeelEngineBuilder;
import dev.keel.engine.config.KindRegistry;
import dev.keel.store.jdbc.ClockSource;
import dev.keel.store.jdbc.JdbcKeelStore;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * The {@code --store URL} flag: the database that keeps everything a run records (configs, resources, states,
 * history, artifact versions, promotions, tasks), so that a later {@code keel status} or {@code keel run} reads
 * it back. The CLI ships the H2 driver ({@code jdbc:h2:file:./keel-data/keel}); a PostgreSQL or MySQL URL works
 * when its driver is on the class path. Virtual time is the only clock the CLI has, so leases use the engine's.
 */
final class StoreOption {

  static final String FLAG = "--store";
  private static final String EXAMPLE = "jdbc:h2:file:./keel-data/keel";

  private final String url;
  private final boolean readOnly;

  private StoreOption(String url, boolean readOnly) {
    this.url = url;
    this.readOnly = readOnly;
  }

  /**
   * The store a command's {@code --store} names, to create and migrate if new; null without the flag.
   *
   * @param options the command's options
   * @return the store option, or null
   * @throws UsageException for a URL that is not a JDBC URL
   * @throws CliException for a JDBC URL no driver on the class path takes
   */
  @Nullable
  static StoreOption of(Options options) {
    String url = options.value(FLAG);
    return url == null ? null : checked(url, false);
  }

  /**
   * The store a command's {@code --store} names, which must exist already with its tables: nothing is created.
   *
   * @param options the command's options
   * @return the store option
   * @throws UsageException without the flag, or for a URL that is not a JDBC URL
   * @throws CliException for a JDBC URL no driver on the class path takes
   */
  static StoreOption existing(Options options) {
    String url = options.value(FLAG);
    if (url == null) {
      throw new UsageException("'keel " + options.command() + "' needs " + FLAG + " URL, the database a run kept "
          + "(such as " + FLAG + " " + EXAMPLE + ")");
    }
    return checked(url, true);
  }

  private static StoreOption checked(String url, boolean readOnly) {
    if (!url.regionMatches(true, 0, "jdbc:", 0, 5) || url.indexOf(':', 5) < 0) {
      throw new UsageException(FLAG + " '" + url + "' is not a JDBC URL; give one such as " + EXAMPLE);
    }
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw new CliException("keel: " + FLAG + " " + url + ": no JDBC driver for '" + scheme(url) + "' on the class path;"
          + " the CLI ships H2 (" + EXAMPLE + "), and takes PostgreSQL or MySQL when their driver is added");
    }
    return new StoreOption(url, readOnly);
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':', 5);
    return url.substring(0, colon < 0 ? url.length() : colon).toLowerCase(Locale.ROOT);
  }

  /**
   * Makes the engine keep its state in this store.
   *
   * @param builder the engine's builder
   */
  void configure(KeelEngineBuilder builder) {
    builder.store(this::build);
  }

  /**
   * Opens the store to read its status view, with no kind known (the view decodes no spec) and without migrating:
   * it must exist already with this code's tables.
   *
   * @return the store, which the caller closes
   * @throws CliException, in one line, if it does not exist or its tables are missing or not this code's
   */
  JdbcKeelStore openToRead() {
    return build(KindRegistry.builder().build());
  }

  private JdbcKeelStore build(KindRegistry kinds) {
    String target = readOnly && scheme(url).equals("jdbc:h2") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS=")
        ? url + ";IFEXISTS=TRUE" : url;
    try {
      return JdbcKeelStore.builder().jdbcUrl(target).maxPoolSize(4).clockSource(ClockSource.ENGINE)
          .migrate(!readOnly).kinds(kinds).build();
    } catch (RuntimeException e) {
      throw new CliException("keel: cannot open the store at " + url + ": " + message(e)
          + (readOnly ? " ('keel run FILE " + FLAG + " URL' creates a store and records a run in it)" : ""));
    }
  }

  private static String message(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getCause() != null && e.getCause().getMessage() != null && !message.contains(e.getCause().getMessage())
        ? message + ": " + e.getCause().getMessage() : message;
  }

  String url() {
    return url;
  }
}

package dev.keel.spring.autoconfigure;

/** The store: the application's DataSource when keel-store-jdbc is present, else in memory. Part of {@link KeelProperties}. */
public class StoreProperties {
  private boolean jdbc = true;
  private String tablePrefix = "keel_";
  private boolean migrate = true;
  private String clock = "database";

  /** @return where lease times come from: {@code database} (the default) or {@code engine} (the engine's clock) */
  public String getClock() {
    return clock;
  }

  /** @param clock {@code database} or {@code engine} */
  public void setClock(String clock) {
    this.clock = clock;
  }

  /** @return whether to use the application's DataSource when keel-store-jdbc is present */
  public boolean isJdbc() {
    return jdbc;
  }

  /** @param jdbc whether to use the application's DataSource when keel-store-jdbc is present */
  public void setJdbc(boolean jdbc) {
    this.jdbc = jdbc;
  }

  /** @return the prefix of Keel's tables */
  public String getTablePrefix() {
    return tablePrefix;
  }

  /** @param tablePrefix the prefix of Keel's tables */
  public void setTablePrefix(String tablePrefix) {
    this.tablePrefix = tablePrefix;
  }

  /** @return whether the store migrates its tables at start (else it only checks them) */
  public boolean isMigrate() {
    return migrate;
  }

  /** @param migrate whether the store migrates its tables at start */
  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }
}

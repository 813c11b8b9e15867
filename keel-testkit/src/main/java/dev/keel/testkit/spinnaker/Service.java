package dev.keel.testkit.spinnaker;

/** The two Spinnaker services a {@link FakeSpinnaker} serves, each on its own port. */
public enum Service {
  /** Clouddriver: reads of the clouds. */
  CLOUDDRIVER,
  /** Orca: tasks and pipelines. */
  ORCA
}

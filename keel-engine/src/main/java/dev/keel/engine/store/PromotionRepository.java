package dev.keel.engine.store;

import java.util.List;
import java.util.Optional;

/**
 * Where artifact versions stand in each environment: promotion records, constraint and verification
 * states, pins and the approval queue, all per {@link EnvironmentArtifact}.
 */
public interface PromotionRepository {

  /**
   * The promotion records of an artifact in an environment; a version without one is PENDING there.
   *
   * @param where the environment and artifact
   * @return the records, in no particular order
   */
  List<PromotionRecord> promotions(EnvironmentArtifact where);

  /**
   * Saves promotion records together, replacing those of the same versions: a transition that touches
   * several versions (one becomes CURRENT, the old one PREVIOUS) is stored whole.
   *
   * @param records the records
   */
  void savePromotions(List<PromotionRecord> records);

  /**
   * The constraint states of a version in an environment.
   *
   * @param where the environment and artifact
   * @param version the version
   * @return the states, one per constraint type
   */
  List<ConstraintState> constraintStates(EnvironmentArtifact where, String version);

  /**
   * Saves a constraint state, replacing the one of the same version and type.
   *
   * @param state the state
   */
  void saveConstraintState(ConstraintState state);

  /**
   * The pin of an artifact in an environment.
   *
   * @param where the environment and artifact
   * @return the pin, if any
   */
  Optional<Pin> pin(EnvironmentArtifact where);

  /**
   * Saves a pin, replacing any earlier one.
   *
   * @param pin the pin
   */
  void savePin(Pin pin);

  /**
   * Removes a pin.
   *
   * @param where the environment and artifact
   * @return whether there was one
   */
  boolean removePin(EnvironmentArtifact where);

  /**
   * The verification states of an artifact in an environment.
   *
   * @param where the environment and artifact
   * @return the states, in no particular order
   */
  List<VerificationState> verificationStates(EnvironmentArtifact where);

  /**
   * Saves a verification state, replacing the one of the same version and verification.
   *
   * @param state the state
   */
  void saveVerificationState(VerificationState state);

  /**
   * Queues a version whose constraints passed while the environment was pinned (Keel's approval queue):
   * once the pin is removed, queued versions are approved oldest first.
   *
   * @param where the environment and artifact
   * @param version the version; queuing it again changes nothing
   */
  void queueForApproval(EnvironmentArtifact where, String version);

  /**
   * The versions queued for approval.
   *
   * @param where the environment and artifact
   * @return the versions, in the order queued
   */
  List<String> approvalQueue(EnvironmentArtifact where);

  /**
   * Takes a version off the approval queue.
   *
   * @param where the environment and artifact
   * @param version the version
   */
  void dequeueApproval(EnvironmentArtifact where, String version);
}

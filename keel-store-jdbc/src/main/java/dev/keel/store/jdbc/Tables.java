package dev.keel.store.jdbc;

/**
 * The store's table names, all under one prefix so that they sit beside a host's own tables (and its Flyway or
 * Liquibase history) without clashing.
 *
 * @param prefix the prefix, such as {@code keel_}
 */
record Tables(String prefix) {

  String deliveryConfig() {
    return prefix + "delivery_config";
  }

  String resource() {
    return prefix + "resource";
  }

  String resourceState() {
    return prefix + "resource_state";
  }

  String checkSchedule() {
    return prefix + "check_schedule";
  }

  String resourceEvent() {
    return prefix + "resource_event";
  }

  String applicationEvent() {
    return prefix + "application_event";
  }

  String pause() {
    return prefix + "pause";
  }

  String task() {
    return prefix + "task";
  }

  String artifactVersion() {
    return prefix + "artifact_version";
  }

  String promotion() {
    return prefix + "promotion";
  }

  String constraintState() {
    return prefix + "constraint_state";
  }

  String verificationState() {
    return prefix + "verification_state";
  }

  String pin() {
    return prefix + "pin";
  }

  String approvalQueue() {
    return prefix + "approval_queue";
  }

  String removal() {
    return prefix + "removal";
  }

  String schemaHistory() {
    return prefix + "schema_history";
  }
}

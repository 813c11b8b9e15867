package dev.keel.spring.api;

/**
 * Decides who may change an application's delivery: the host's Fiat, say. Asked before every write through Keel's
 * REST API, per application and action; a refusal answers 403 and changes nothing. Define one as a bean.
 *
 * <pre>{@code
 * @Bean KeelAuthorizer fiatAuthorizer(FiatPermissionEvaluator fiat) {
 *   return (user, application, action) -> fiat.hasPermission(user, application, "APPLICATION", "WRITE");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface KeelAuthorizer {

  /**
   * Whether a user may do an action on an application.
   *
   * @param user who acts, as the security context or Gate's header names them
   * @param application the application concerned
   * @param action what they want to do
   * @return true to let the write through
   */
  boolean mayWrite(String user, String application, WriteAction action);
}

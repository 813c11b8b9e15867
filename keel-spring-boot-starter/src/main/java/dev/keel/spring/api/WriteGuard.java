package dev.keel.spring.api;

import java.util.Optional;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may write. A write needs a user (from the security context, or from Gate's header when trusted), unless
 * anonymous writes are explicitly allowed; with an authorizer, the authorizer must say yes for the application
 * and action. A refusal is a 403 {@link ApiException} thrown before anything changes.
 */
public final class WriteGuard {

  /** The name writes are recorded under when anonymous writes are allowed and nobody is known. */
  public static final String ANONYMOUS = "anonymous";

  private static final Logger LOG = LoggerFactory.getLogger(WriteGuard.class);

  @Nullable private final KeelAuthorizer authorizer;
  private final boolean allowAnonymous;

  /**
   * A guard.
   *
   * @param authorizer the host's authorizer, or null
   * @param allowAnonymous whether writes without a known user are allowed ({@code keel.security.allow-anonymous-writes})
   */
  public WriteGuard(@Nullable KeelAuthorizer authorizer, boolean allowAnonymous) {
    this.authorizer = authorizer;
    this.allowAnonymous = allowAnonymous;
  }

  /**
   * Lets a write through, or refuses it.
   *
   * @param user who acts, if known
   * @param application the application concerned
   * @param action the write
   * @return the name the write is recorded under
   * @throws ApiException 403 when the write is refused
   */
  public String authorize(Optional<String> user, String application, WriteAction action) {
    if (user.isEmpty()) {
      if (!allowAnonymous) {
        throw ApiException.forbidden("Refused " + action + " on " + application + ": no user is known. Configure"
            + " Spring Security, or set keel.security.trust-gate-header=true behind Spinnaker's Gate (which sends"
            + " X-SPINNAKER-USER), or set keel.security.allow-anonymous-writes=true to allow writes by anyone");
      }
      if (authorizer != null && !authorizer.mayWrite(ANONYMOUS, application, action)) {
        throw ApiException.forbidden("Refused " + action + " on " + application + " for " + ANONYMOUS
            + ": the authorizer said no");
      }
      return ANONYMOUS;
    }
    String who = user.get();
    if (authorizer != null && !authorizer.mayWrite(who, application, action)) {
      LOG.info("Refused {} on {} for {}", action, application, who);
      throw ApiException.forbidden("Refused " + action + " on " + application + " for " + who
          + ": the authorizer said no");
    }
    return who;
  }
}

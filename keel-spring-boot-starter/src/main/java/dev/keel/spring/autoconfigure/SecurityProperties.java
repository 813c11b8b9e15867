package dev.keel.spring.autoconfigure;

/** Who may write through the REST API. Part of {@link KeelProperties}. */
public class SecurityProperties {
  private boolean trustGateHeader;
  private boolean allowAnonymousWrites;

  /** @return whether the acting user is read from Gate's {@code X-SPINNAKER-USER} header */
  public boolean isTrustGateHeader() {
    return trustGateHeader;
  }

  /** @param trust whether the acting user is read from Gate's {@code X-SPINNAKER-USER} header */
  public void setTrustGateHeader(boolean trust) {
    this.trustGateHeader = trust;
  }

  /** @return whether writes are allowed with no user and no authorizer */
  public boolean isAllowAnonymousWrites() {
    return allowAnonymousWrites;
  }

  /** @param allow whether writes are allowed with no user and no authorizer */
  public void setAllowAnonymousWrites(boolean allow) {
    this.allowAnonymousWrites = allow;
  }
}

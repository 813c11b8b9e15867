/**
 * Internal. Keel's REST API on Spring MVC: thin controllers over {@link dev.keel.spring.api.KeelApi}, the acting
 * user from Spring Security or Gate's header, and the error mapping (JSON, never a stack trace).
 */
@ParametersAreNonnullByDefault
package dev.keel.spring.web;

import javax.annotation.ParametersAreNonnullByDefault;

/**
 * Testing with the engine on virtual time: a virtual scheduler, an engine harness, a fake handler and
 * cloud, and the contract tests that handlers and stores must pass.
 */
@ParametersAreNonnullByDefault
package dev.keel.testkit;

import javax.annotation.ParametersAreNonnullByDefault;

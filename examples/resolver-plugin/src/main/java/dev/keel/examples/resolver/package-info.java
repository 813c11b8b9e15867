/**
 * An organisation's resolver, shipped as the PF4J plugin {@code dev.keel.example-resolvers}: {@link
 * dev.keel.examples.resolver.CostCenterTagResolver} tags every cluster with its application's cost center, as
 * configured in {@link dev.keel.examples.resolver.CostCenters}.
 */
@ParametersAreNonnullByDefault
package dev.keel.examples.resolver;

import javax.annotation.ParametersAreNonnullByDefault;

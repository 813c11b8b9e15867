/**
 * The Titus plugin ({@code dev.keel.titus}): the cluster handler in {@code handler}, resolvers in
 * {@code resolve}, the security group veto in {@code veto}, the {@code test-container} verification in
 * {@code verify}. Kinds, specs, models and the {@code TitusCloud} port are in the host-provided
 * {@code dev.keel.titus.api}; the simulated Titus is the plugin {@code dev.keel.titus-sim}.
 */
@ParametersAreNonnullByDefault
package dev.keel.titus;

import javax.annotation.ParametersAreNonnullByDefault;


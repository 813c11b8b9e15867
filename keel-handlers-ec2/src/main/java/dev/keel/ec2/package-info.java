/**
 * The EC2 plugin ({@code dev.keel.ec2}): handlers in {@code handler}, resolvers in {@code resolve}, vetoes in
 * {@code veto}, the bakery and its constraint in {@code bake}, spec migrations in {@code migrate}. Kinds, specs,
 * models and the {@code Ec2Cloud} port are in the host-provided {@code dev.keel.ec2.api}; the simulated EC2 is
 * the plugin {@code dev.keel.ec2-sim}.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2;

import javax.annotation.ParametersAreNonnullByDefault;


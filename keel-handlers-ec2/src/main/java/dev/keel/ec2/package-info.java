/**
 * The EC2 plugin's entry point. Kinds and specs are in {@code spec}, the cloud port in {@code cloud}, the
 * simulated EC2 in {@code sim}, handlers in {@code handler}, resolvers in {@code resolve}, vetoes in {@code veto}.
 */
@ParametersAreNonnullByDefault
package dev.keel.ec2;

import javax.annotation.ParametersAreNonnullByDefault;

/**
 * What cloud ports share about tasks: the state of a submitted task as a simulator or an Orca adapter
 * reports it.
 */
@ParametersAreNonnullByDefault
package dev.keel.support.task;

import javax.annotation.ParametersAreNonnullByDefault;

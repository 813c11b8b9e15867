/** The per-region model a Titus cluster is compared in: desired and current are both one TitusServerGroup per region. */
@ParametersAreNonnullByDefault
package dev.keel.titus.api.model;

import javax.annotation.ParametersAreNonnullByDefault;


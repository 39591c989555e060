/**
 * Sensitivity analyses that repeat a meta-analysis on subsets of the studies: leave-one-out
 * (metafor::leave1out) and cumulative (metafor::cumul), in {@link org.strokemeta.sensitivity.Sensitivity}.
 */
package org.strokemeta.sensitivity;

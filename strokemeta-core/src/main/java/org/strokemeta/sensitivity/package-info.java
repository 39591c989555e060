/**
 * Sensitivity analyses that repeat a meta-analysis on subsets of the studies: leave-one-out
 * (metafor::leave1out), cumulative (metafor::cumul, in the order of the data or by a column, ties one by one
 * or together) and the GOSH analysis of every subset (metafor::gosh), in
 * {@link org.strokemeta.sensitivity.Sensitivity}; influence diagnostics and per-study residuals.
 */
package org.strokemeta.sensitivity;

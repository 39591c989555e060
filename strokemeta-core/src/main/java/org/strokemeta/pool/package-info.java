/**
 * Pooling of per-study effects, as metafor::rma.uni, rma.mh and rma.peto: the entry point
 * {@link org.strokemeta.pool.MetaAnalysis}, its {@link org.strokemeta.pool.MetaOptions options}
 * (fixed or random effects, the tau² estimators of {@link org.strokemeta.pool.Tau2Method}, Wald z or
 * Hartung-Knapp intervals, the level, the settings of the iterative fits), the weighted linear model
 * {@link org.strokemeta.pool.MetaModel} shared with meta-regression, the Q-profile interval for tau²,
 * and the results ({@link org.strokemeta.pool.MetaResult}, {@link org.strokemeta.pool.ModelFit},
 * {@link org.strokemeta.pool.PooledEstimate}, {@link org.strokemeta.pool.Heterogeneity},
 * {@link org.strokemeta.pool.Tau2Estimate}). Effects and intervals are on the analysis scale (log for
 * ratio measures); tau² is a variance on that scale. {@link org.strokemeta.pool.Execution} says where
 * parallel work runs.
 */
package org.strokemeta.pool;

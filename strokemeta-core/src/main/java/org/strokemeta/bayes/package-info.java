/**
 * Bayesian random-effects meta-analysis of the normal-normal model, computed exactly by numerical integration
 * as the R package bayesmeta computes it (Röver 2020): priors for the overall effect ({@link org.strokemeta.bayes.MuPrior})
 * and the between-trial standard deviation ({@link org.strokemeta.bayes.TauPrior}), the analysis
 * ({@link org.strokemeta.bayes.BayesMeta}, {@link org.strokemeta.bayes.BayesOptions}) and its posterior summaries
 * ({@link org.strokemeta.bayes.BayesResult}). Effects are on the analysis scale (log ratios for ratio measures).
 */
package org.strokemeta.bayes;

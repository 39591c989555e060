/**
 * Models with more than one effect per trial, as metafor's {@code rma.mv} fits them: multilevel models (effects
 * nested in trials nested in, for example, countries), multivariate models with known within-trial covariances,
 * and network meta-analysis of several treatments. The marginal covariance of the effects is block diagonal (one
 * block per top-level cluster), which keeps the likelihood linear in the number of clusters.
 */
package org.strokemeta.multivariate;

/**
 * Small-study effects and publication bias, as metafor: Egger's regression test (metafor::regtest,
 * as a weighted linear model or a meta-regression on the standard error), Begg and Mazumdar's rank
 * correlation test (metafor::ranktest, with Kendall's tau as R's cor.test), Duval and Tweedie's
 * trim-and-fill (metafor::trimfill, L0 and R0 estimators) and the data of funnel plots, plain or
 * contour-enhanced (metafor::funnel). {@link org.strokemeta.Bias} runs them all on one set of studies,
 * from a {@link org.strokemeta.bias.BiasRequest} to a {@link org.strokemeta.bias.BiasAnalysis};
 * {@link org.strokemeta.bias.SmallStudyEffects} computes each one on its own. Effects are on the
 * analysis scale (log for ratio measures).
 */
package org.strokemeta.bias;

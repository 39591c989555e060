/**
 * Ordinal outcomes such as the modified Rankin Scale (mRS 0-6): the proportional-odds (cumulative
 * logit) model fitted as R's ordinal::clm, with common or trial-stratified cut-points
 * ({@link org.strokemeta.ordinal.ProportionalOdds}, {@link org.strokemeta.ordinal.PoOptions},
 * {@link org.strokemeta.ordinal.ProportionalOddsFit}); the likelihood-ratio test of proportional odds
 * against a partial proportional-odds fit ({@link org.strokemeta.ordinal.PartialProportionalOdds});
 * the two-stage meta-analysis of trials' log common odds ratios ({@link org.strokemeta.ordinal.TwoStage});
 * and clinical summaries of the shift: net benefit and number needed to treat
 * ({@link org.strokemeta.ordinal.NetBenefit}) and the utility-weighted mRS
 * ({@link org.strokemeta.ordinal.UtilityWeightedOutcome}). Common odds ratios are reported on the log
 * scale with positive values meaning better outcomes with treatment; {@link
 * org.strokemeta.ordinal.CommonOddsRatio} also gives them as ratios.
 */
package org.strokemeta.ordinal;

/**
 * Ordinal outcomes such as the modified Rankin Scale (mRS 0-6): the proportional-odds (cumulative
 * logit) model fitted as R's ordinal::clm, with common or trial-stratified cut-points
 * ({@link org.strokemeta.ordinal.ProportionalOdds}, {@link org.strokemeta.ordinal.PoOptions},
 * {@link org.strokemeta.ordinal.ProportionalOddsFit}); the likelihood-ratio test of proportional odds
 * against a partial proportional-odds fit ({@link org.strokemeta.ordinal.PartialProportionalOdds});
 * the two-stage meta-analysis of trials' log common odds ratios ({@link org.strokemeta.ordinal.TwoStage});
 * clinical summaries of the shift, computed within trials and combined
 * ({@link org.strokemeta.ordinal.ClinicalSummaries}): net benefit and number needed to treat
 * ({@link org.strokemeta.ordinal.NetBenefit}) and the utility-weighted mRS
 * ({@link org.strokemeta.ordinal.UtilityWeightedOutcome}, {@link org.strokemeta.ordinal.UtilityWeights});
 * the per-arm distribution of the outcome that Grotta bars show ({@link org.strokemeta.ordinal.ArmDistribution});
 * and the power and sample size of a trial analysed by the shift ({@link org.strokemeta.ordinal.ShiftPower}).
 * Common odds ratios are reported on the log
 * scale with positive values meaning better outcomes with treatment; {@link
 * org.strokemeta.ordinal.CommonOddsRatio} also gives them as ratios.
 */
package org.strokemeta.ordinal;

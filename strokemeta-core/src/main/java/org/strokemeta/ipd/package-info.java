/**
 * One-stage models of individual patient data from several trials: the mixed-effects
 * proportional-odds model of an ordinal outcome with random trial effects, as ordinal::clmm
 * ({@link org.strokemeta.ipd.MixedOrdinal}, {@link org.strokemeta.ipd.MixedOptions},
 * {@link org.strokemeta.ipd.RandomEffects}); logistic models of a binary outcome with trial-stratified
 * intercepts (glm) or a random intercept (lme4::glmer), with the standardised risk difference
 * ({@link org.strokemeta.ipd.IpdLogistic}, {@link org.strokemeta.ipd.StudyEffect},
 * {@link org.strokemeta.ipd.BinaryResult}, {@link org.strokemeta.ipd.RiskDifference}), the outcome named by
 * a {@link org.strokemeta.ipd.BinaryEndpoint} (mRS 0-k, death, or a 0/1 column); within- and across-trial
 * treatment-covariate interactions ({@link org.strokemeta.ipd.EffectModification}); and the
 * likelihood-ratio test for a difference of the treatment effect between subgroups, within trials
 * ({@link org.strokemeta.ipd.SubgroupInteraction}); and any one-stage mixed model written as an lme4/ordinal
 * formula, with multi-arm treatment factors, interactions, random slopes, nested and crossed random effects
 * and case weights ({@link org.strokemeta.ipd.MixedModel}, {@link org.strokemeta.ipd.MixedFormula},
 * {@link org.strokemeta.ipd.MixedModelOptions}, {@link org.strokemeta.ipd.MixedModelResult}). Effects are log odds ratios; variance components
 * are variances on the logit scale; risk differences are differences of proportions (0 to 1).
 */
package org.strokemeta.ipd;

/**
 * One-stage models of individual patient data from several trials: the mixed-effects
 * proportional-odds model of an ordinal outcome with random trial effects, as ordinal::clmm
 * ({@link org.strokemeta.ipd.MixedOrdinal}, {@link org.strokemeta.ipd.MixedOptions},
 * {@link org.strokemeta.ipd.RandomEffects}); logistic models of a binary outcome with trial-stratified
 * intercepts (glm) or a random intercept (lme4::glmer) ({@link org.strokemeta.ipd.IpdLogistic},
 * {@link org.strokemeta.ipd.StudyEffect}); and within- and across-trial treatment-covariate
 * interactions ({@link org.strokemeta.ipd.EffectModification}). Effects are log odds ratios; variance
 * components are variances on the logit scale.
 */
package org.strokemeta.ipd;

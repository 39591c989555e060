/**
 * Meta-regression, as metafor::rma(yi, vi, mods = ~ ...): the {@link org.strokemeta.regression.Moderator
 * moderators} (numeric or categorical covariates of the effects,
 * {@link org.strokemeta.effect.EffectSizes#covariates()}, as read from the input table), the
 * {@link org.strokemeta.regression.Design design} built from them, the fit
 * ({@link org.strokemeta.regression.MetaRegression}) and its
 * {@link org.strokemeta.regression.RegressionResult result} with Wald-type coefficient tests, the omnibus
 * test QM and the pseudo-R², and permutation tests of the coefficients as metafor::permutest
 * ({@link org.strokemeta.regression.PermutationTest}). Coefficients are on the analysis scale (log for
 * ratio measures).
 */
package org.strokemeta.regression;

/**
 * Generalised linear mixed models for 2×2 tables (metafor's {@code rma.glmm}, measure OR): logistic models of the
 * arms' events with a random treatment effect, for sparse events (symptomatic ICH, death) where inverse-variance
 * pooling with continuity corrections is biased; no continuity correction is needed.
 */
package org.strokemeta.glmm;

/**
 * Per-study effect sizes and their sampling variances, computed from arm-level data as
 * metafor::escalc does: the {@link org.strokemeta.effect.Measure measures} (log odds and risk ratios,
 * risk difference, Peto, mean differences, Hedges' g, log ratio of means, generic estimates), the
 * {@link org.strokemeta.effect.Continuity continuity correction} for zero cells, the
 * {@link org.strokemeta.effect.EffectCalculator calculator} and its result,
 * {@link org.strokemeta.effect.EffectSizes}.
 */
package org.strokemeta.effect;

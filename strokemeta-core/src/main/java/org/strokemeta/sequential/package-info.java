/**
 * Trial sequential analysis: the required information size of a meta-analysis, its cumulative z-curve and
 * Lan-DeMets monitoring and futility boundaries computed by recursive numerical integration
 * ({@link org.strokemeta.sequential.TrialSequential}, {@link org.strokemeta.sequential.TsaOptions},
 * {@link org.strokemeta.sequential.TsaResult}, {@link org.strokemeta.sequential.GroupSequential}).
 */
package org.strokemeta.sequential;

/**
 * strokemeta: meta-analysis of randomised stroke trials, numerically equal to R's metafor. The
 * analyses live in the packages below this one: {@link org.strokemeta.data} reads study-level and
 * patient-level data, {@link org.strokemeta.effect} computes effect sizes, {@link org.strokemeta.pool}
 * pools them, {@link org.strokemeta.subgroup}, {@link org.strokemeta.regression},
 * {@link org.strokemeta.bias} and {@link org.strokemeta.sensitivity} examine them,
 * {@link org.strokemeta.ordinal} and {@link org.strokemeta.ipd} model the mRS and patient-level data,
 * {@link org.strokemeta.study} runs whole analyses, {@link org.strokemeta.simulation} simulates cohorts,
 * {@link org.strokemeta.plot} and {@link org.strokemeta.report} draw and write the results, and
 * {@link org.strokemeta.qualify} checks them against reference values from R.
 */
package org.strokemeta;

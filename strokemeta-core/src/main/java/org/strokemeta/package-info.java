/**
 * The entry points of strokemeta's engine: one small class per analysis, each a set of static methods
 * that take the data and an immutable request and return an immutable result.
 *
 * <ul>
 *   <li>{@link org.strokemeta.Meta}: aggregate-data meta-analysis of study-level data (binary, continuous
 *       or generic), from a table, a CSV file, computed effects or plain arrays;</li>
 *   <li>{@link org.strokemeta.Shift}: the mRS shift analysis of tabulated per-arm distributions, in two
 *       stages or one;</li>
 *   <li>{@link org.strokemeta.Ipd}: the patient-level analysis of several randomised trials;</li>
 *   <li>{@link org.strokemeta.Study}: the HERMES-style report of patient-level thrombectomy data under an
 *       analysis plan;</li>
 *   <li>{@link org.strokemeta.Verify}: the qualification suite, every reference case computed with R;</li>
 *   <li>{@link org.strokemeta.Bias}: the small-study-effect analyses (funnel, Egger, rank correlation,
 *       trim-and-fill);</li>
 *   <li>{@link org.strokemeta.Figures}: the figures (forest, funnel, Grotta bars, bubble plots) as SVG.</li>
 * </ul>
 *
 * <p>{@link org.strokemeta.data.DataKind#of(org.strokemeta.data.Table)} tells which of them a table is for.
 * Bad input is an {@link org.strokemeta.data.InputException} naming file, line and column; input of another
 * kind than the analysis takes is its subclass {@link org.strokemeta.data.WrongDataKind}.
 *
 * <p>strokemeta: meta-analysis of randomised stroke trials, numerically equal to R's metafor. The
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

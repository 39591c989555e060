/**
 * The requests, runs and outcomes of whole analyses, which the entry points of {@link org.strokemeta}
 * ({@link org.strokemeta.Meta}, {@link org.strokemeta.Shift}, {@link org.strokemeta.Ipd},
 * {@link org.strokemeta.Study}), the command line and the web application use: study-level
 * meta-analysis with subgroups, meta-regression and batches ({@link org.strokemeta.study.MetaRequest},
 * {@link org.strokemeta.study.MetaRun}, {@link org.strokemeta.study.StudyInput}); the ordinal shift
 * analysis of tabulated mRS distributions ({@link org.strokemeta.study.ShiftRequest},
 * {@link org.strokemeta.study.ShiftAnalysis}, {@link org.strokemeta.study.ShiftSubgroups}); patient-level
 * analyses ({@link org.strokemeta.study.IpdRequest}, {@link org.strokemeta.study.IpdAnalysis}); the study
 * report of a thrombectomy cohort run by an {@link org.strokemeta.study.AnalysisPlan}
 * ({@link org.strokemeta.study.StudyReport}); and the published evidence bundled with the product
 * ({@link org.strokemeta.study.PublishedEvidence}).
 *
 * <p>The statistics these analyses call live in the packages of their methods: the test for subgroup
 * differences within trials is {@link org.strokemeta.ipd.SubgroupInteraction}, the power of a shift
 * analysis {@link org.strokemeta.ordinal.ShiftPower}, the figure of the effect against time
 * {@link org.strokemeta.plot.TimeCurve}, and simulated cohorts are made by {@link org.strokemeta.simulation}.
 */
package org.strokemeta.study;

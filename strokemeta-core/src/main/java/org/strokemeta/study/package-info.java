/**
 * Whole analyses as the command line and the web application run them, from a request to its
 * outcome: study-level meta-analysis with subgroups, meta-regression and batches
 * ({@link org.strokemeta.study.MetaRequest}, {@link org.strokemeta.study.MetaRun},
 * {@link org.strokemeta.study.StudyInput}); the ordinal shift analysis of tabulated mRS distributions
 * ({@link org.strokemeta.study.ShiftRequest}, {@link org.strokemeta.study.ShiftAnalysis},
 * {@link org.strokemeta.study.ShiftSubgroups}); patient-level analyses
 * ({@link org.strokemeta.study.IpdRequest}, {@link org.strokemeta.study.IpdAnalysis}); the study report
 * of a thrombectomy cohort run by an {@link org.strokemeta.study.AnalysisPlan}
 * ({@link org.strokemeta.study.StudyReport}); power of a shift analysis
 * ({@link org.strokemeta.study.ShiftPower}); simulated cohorts calibrated on HERMES
 * ({@link org.strokemeta.study.SimulationSpec}, {@link org.strokemeta.study.CohortSimulator}); and the
 * published evidence bundled with the product ({@link org.strokemeta.study.PublishedEvidence}).
 */
package org.strokemeta.study;

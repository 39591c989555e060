/**
 * Writers of results for people and programs: text summaries ({@link org.strokemeta.report.TextReport},
 * {@link org.strokemeta.report.ShiftReport}, {@link org.strokemeta.report.IpdReport},
 * {@link org.strokemeta.report.BiasReport}, {@link org.strokemeta.report.SensitivityReport}), JSON
 * documents with a named schema ({@link org.strokemeta.report.JsonReport} and the {@code json} methods
 * of the others), CSV tables of batch runs ({@link org.strokemeta.report.CsvReport}) and the HTML and
 * JSON forms of a study report ({@link org.strokemeta.report.StudyHtml},
 * {@link org.strokemeta.report.StudyJson}). Text rounds numbers for reading; JSON keeps full precision
 * and writes ratio measures on the log scale, naming the scale.
 */
package org.strokemeta.report;

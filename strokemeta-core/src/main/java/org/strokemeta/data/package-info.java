/**
 * Reading and checking the user's data: CSV files ({@link org.strokemeta.data.CsvReader}, encoding,
 * separator and decimal mark detected) into a {@link org.strokemeta.data.Table}; study-level data
 * ({@link org.strokemeta.data.StudyLoader}: {@link org.strokemeta.data.BinaryStudies},
 * {@link org.strokemeta.data.ContinuousStudies}, {@link org.strokemeta.data.GenericStudies}); ordinal
 * outcome tables per trial and arm ({@link org.strokemeta.data.OrdinalTable}); patient-level data
 * ({@link org.strokemeta.data.PatientData}), including thrombectomy trial data read by the data
 * dictionary of {@link org.strokemeta.data.StrokeField} into a {@link org.strokemeta.data.StrokeCohort}.
 * Every problem with the input is an {@link org.strokemeta.data.InputException} naming file, line and
 * column; remarks that do not stop the analysis are {@link org.strokemeta.data.Note}s.
 */
package org.strokemeta.data;

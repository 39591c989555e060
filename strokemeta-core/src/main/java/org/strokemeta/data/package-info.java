/**
 * Reading and checking the user's data: CSV files ({@link org.strokemeta.data.CsvReader}, encoding,
 * separator and decimal mark detected) into a {@link org.strokemeta.data.Table}, whose kind of data
 * (study-level, mRS table, patient-level) {@link org.strokemeta.data.DataKind} tells from its columns;
 * study-level data
 * ({@link org.strokemeta.data.StudyLoader}: {@link org.strokemeta.data.BinaryStudies},
 * {@link org.strokemeta.data.ContinuousStudies}, {@link org.strokemeta.data.GenericStudies}); ordinal
 * outcome tables per trial and arm ({@link org.strokemeta.data.OrdinalTable}); patient-level data
 * ({@link org.strokemeta.data.PatientData}), including thrombectomy trial data read by the data
 * dictionary of {@link org.strokemeta.data.StrokeField} into a {@link org.strokemeta.data.StrokeCohort};
 * the data's other columns carried with the studies or patients they describe
 * ({@link org.strokemeta.data.DataColumns}: subgroup variables, moderators); and the bundled example data
 * sets ({@link org.strokemeta.data.Examples}). Every problem with the input is an
 * {@link org.strokemeta.data.InputException} naming file, line and column (data of another kind than the
 * analysis takes: its subclass {@link org.strokemeta.data.WrongDataKind}); remarks that do not stop the
 * analysis are {@link org.strokemeta.data.Note}s.
 */
package org.strokemeta.data;

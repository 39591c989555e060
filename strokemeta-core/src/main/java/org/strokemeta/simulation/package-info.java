/**
 * Simulated patient-level thrombectomy trial data calibrated on HERMES, for trying the patient-level
 * analyses and the study report without real patients: {@link org.strokemeta.simulation.SimulationSpec}
 * holds what is drawn from (the trials' published arm sizes and baseline characteristics, the model
 * parameters, each with its source or marked as an assumption), and the seeded
 * {@link org.strokemeta.simulation.CohortSimulator} writes a cohort as a CSV file (UTF-8) in the columns of
 * the data dictionary ({@link org.strokemeta.data.StrokeField}), every row marked {@code simulated = 1} so
 * that everything made from it says "simulated data". The same specification, seed and size factor give
 * the same file.
 */
package org.strokemeta.simulation;

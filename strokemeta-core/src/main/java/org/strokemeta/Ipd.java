package org.strokemeta;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;

/**
 * The patient-level analysis of several randomised trials, as a collaboration such as HERMES runs it: the
 * ordinal shift of the outcome (common odds ratio, adjusted and unadjusted; trials as strata or random
 * effects, as ordinal::clm and ordinal::clmm), binary outcomes (logistic models with standardised risk
 * differences), treatment-by-covariate interactions within trials, the proportional-odds check, the net
 * benefit with its NNT and the utility-weighted mRS.
 *
 * <pre>{@code
 * Table patients = Examples.table(Examples.get("ipd_sim"));
 * IpdAnalysis.Outcome o = Ipd.analyze(patients, IpdRequest.defaults().withCovariates(List.of("age", "nihss")));
 * }</pre>
 */
public final class Ipd {
    private Ipd() {
    }

    /**
     * Reads the patients of a table with every covariate the request names (its covariates, then the
     * interaction covariates not among them): by the thrombectomy data dictionary when {@link DataKind#of(Table)} is
     * {@link DataKind#STROKE_PATIENTS}, otherwise as generic patient data with the columns {@code study}
     * (or {@code trial}), {@code treatment} (1/0) and {@code outcome} (or {@code mrs}), the number of
     * categories taken from the largest outcome.
     *
     * @param t the table, one row per patient
     * @param r the request
     * @return the patients (complete cases for the covariates; the others counted in the notes)
     * @throws org.strokemeta.data.InputException when a column is missing or a cell is wrong (file, line and column named)
     */
    public static PatientData patients(Table t, IpdRequest r) {
        List<String> covariates = new ArrayList<>(r.covariates());
        for (String x : r.interactions()) {
            if (!covariates.contains(x)) {
                covariates.add(x);
            }
        }
        if (DataKind.of(t) == DataKind.STROKE_PATIENTS) {
            return StrokeLoader.load(t).patients(covariates);
        }
        return PatientLoader.load(t, PatientLoader.Columns.defaults(t).withCovariates(covariates));
    }

    /**
     * Reads the patients of a table ({@link #patients(Table, IpdRequest)}) and analyses them; a binary
     * outcome may name a 0/1 column of the table.
     *
     * @param t the table, one row per patient
     * @param r the request
     * @return the analysis
     * @throws org.strokemeta.data.InputException when the data have an error or cannot be analysed as asked
     */
    public static IpdAnalysis.Outcome analyze(Table t, IpdRequest r) {
        return analyze(patients(t, r), r);
    }

    /**
     * Analyses patients already read. A binary outcome may name a 0/1 column the patients carry (every
     * column of the file they were read from). The parallel parts of the models run on the request's
     * execution; the numbers do not depend on it.
     *
     * @param d the patients, read with every covariate the request names (interaction ones included)
     * @param r the request
     * @return the analysis
     * @throws org.strokemeta.data.InputException when the data cannot be analysed as asked (a binary outcome
     *                                            naming no column, a category empty in a trial, ...)
     */
    public static IpdAnalysis.Outcome analyze(PatientData d, IpdRequest r) {
        return IpdAnalysis.run(d, r);
    }
}

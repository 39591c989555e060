package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import org.strokemeta.data.Studies;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FitControl;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.StudyInput;

/** Turns a case's data rows and options into the library's inputs, through the same readers as CSV files. */
final class CaseInputs {
    private CaseInputs() {
    }

    /**
     * The effect measure of the case (GEN when absent).
     *
     * @param c the case
     * @return the measure of its {@code measure} option
     */
    public static Measure measure(ValidationCase c) {
        return Measure.parse(c.option("measure", "GEN"));
    }

    /**
     * The continuity correction of the case (metafor's default for the case's measure when absent, and
     * its default amount when {@code add} is absent).
     *
     * @param c the case
     * @return the correction of its {@code continuity} option
     */
    public static Continuity continuity(ValidationCase c) {
        Continuity d = Continuity.defaults(measure(c));
        JsonNode cc = c.options().get("continuity");
        if (cc == null || cc.isNull()) {
            return d;
        }
        return new Continuity(cc.path("add").asDouble(d.add()), Continuity.To.parse(cc.path("to").asText("only0")),
                cc.path("drop00").asBoolean(false));
    }

    /**
     * The case as the request a user's command makes (measure, continuity correction, pooling options).
     *
     * @param c the case
     * @return the request
     */
    public static MetaRequest request(ValidationCase c) {
        return MetaRequest.defaults().withMeasure(measure(c)).withContinuity(continuity(c)).withOptions(options(c));
    }

    /**
     * Reads the case's studies for the measure, by the path the command line reads a file.
     *
     * @param c the case
     * @param t its table
     * @param m the measure
     * @return the studies
     */
    public static Studies studies(ValidationCase c, Table t, Measure m) {
        return StudyInput.studies(t, m, request(c));
    }

    /**
     * The per-study effects of the case computed directly from its studies for the measure (no choice
     * of measure by the request), with the case's other columns as their covariates, as the command line
     * carries a file's other columns.
     *
     * @param c the case
     * @param t the case's rows as a table ({@link #table})
     * @param m the measure
     * @return the effects with their covariates
     */
    public static EffectSizes effectsWithCovariates(ValidationCase c, Table t, Measure m) {
        EffectSizes es = EffectCalculator.compute(m, studies(c, t, m), continuity(c));
        return es.withInputCovariates(StudyInput.covariates(t, m, request(c)));
    }

    /** The per-study effects of the case, by the path the command line computes them from a file. */
    public static EffectSizes effects(ValidationCase c) {
        return StudyInput.effects(c.table(), request(c));
    }

    /**
     * The pooling options of the case.
     *
     * @param c the case
     * @return the options of its {@code model}, {@code ci_method}, {@code level}, {@code tau2_method}, {@code fixed_method},
     *         {@code tau2} (fixed), {@code tau2_init}, {@code threshold} (of the iterated estimators), {@code weights} (column)
     *         and {@code weighted}
     */
    public static MetaOptions options(ValidationCase c) {
        MetaOptions o = MetaOptions.defaults()
                .withModel(Model.parse(c.option("model", "random")))
                .withCi(CiMethod.parse(c.option("ci_method", "z")))
                .withLevel(Double.parseDouble(c.option("level", "0.95")));
        if (c.hasOption("tau2_method")) {
            o = o.withTau2(Tau2Method.parse(c.option("tau2_method", "REML")));
        }
        if (c.hasOption("fixed_method")) {
            o = o.withFixedMethod(FixedMethod.parse(c.option("fixed_method", "IV")));
        }
        if (c.hasOption("tau2")) {
            o = o.withFixedTau2(Double.parseDouble(c.option("tau2", "NaN")));
        }
        if (c.hasOption("weights")) {
            o = o.withWeights(c.option("weights", null));
        }
        if (c.hasOption("tau2_init")) {
            o = o.withControl(o.control().withTau2Init(Double.parseDouble(c.option("tau2_init", "NaN"))));
        }
        if (c.hasOption("threshold")) {
            // the convergence threshold of the iterated tau² estimators, as the R reference's control = list(threshold =)
            FitControl f = o.control();
            o = o.withControl(new FitControl(Double.parseDouble(c.option("threshold", "NaN")), f.maxIter(), f.stepAdj(), f.ll0Check(), f.scoreFallback(),
                    f.tau2Init()));
        }
        if (c.hasOption("weighted")) {
            o = o.withWeighted(Boolean.parseBoolean(c.option("weighted", "true")));
        }
        return o;
    }
}

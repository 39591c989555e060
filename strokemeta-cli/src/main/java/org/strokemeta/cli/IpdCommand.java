package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.strokemeta.Ipd;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.RandomEffects;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.Link;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.report.IpdReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;

/** {@code strokemeta ipd}: patient-level analysis of several trials. */
final class IpdCommand extends Command {
    @Override
    String name() {
        return "ipd";
    }

    @Override
    String summary() {
        return "Patient-level analysis: ordinal shift (adjusted cOR), binary outcomes, interactions, NNT.";
    }

    @Override
    String description() {
        return "Patient-level (IPD) analysis of several randomised trials, one row per patient: the ordinal shift analysis\n"
                + "of the outcome (common odds ratio, adjusted and unadjusted; trials as strata or random effects), binary\n"
                + "outcomes (adjusted odds ratios and standardised risk differences), treatment-by-covariate interactions\n"
                + "estimated within trials, the proportional-odds check, the NNT and the utility-weighted mRS.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.READING, List.of(
                Opt.value("--input", "-i", "FILE", "Data file with one row per patient (columns: docs/input.md): CSV, .xlsx, .sas7bdat, .xpt, "
                        + ".dta, .sav.", null),
                Opt.value("--example", "NAME", "Use a bundled patient-level data set (ipd_sim).", null),
                Opt.value("--study", "COLUMN", "Trial column.", "study"),
                Opt.value("--treatment", "COLUMN", "Arm column: 1 treatment, 0 control.", "treatment"),
                Opt.value("--outcome", "COLUMN", "Ordinal outcome column, 0 (best) to categories - 1 (mrs or outcome if not given).", null),
                Opt.value("--categories", "N", "Number of outcome categories (7 for mRS 0-6); 0 takes the largest value + 1.", "7"),
                Opt.value("--covariates", "A,B", "Adjustment covariates (numeric columns; sex as 0/1).", null),
                Opt.value("--weights", "COLUMN", "Case weights: the number of patients each row stands for (whole numbers; "
                        + "rows of 0 are left out), as the weights of clm and glm, so that identical patients can be one "
                        + "row. Taken by the stratified and common ordinal models, the PO test, the two-stage fits, the "
                        + "stratified logistic models, the interactions, the NNT and the UW-mRS; not by the mixed models.", null),
                Opt.value("--model", "stratified|common|mixed", "Ordinal model: cut-points per trial (clm with nominal=~study), common "
                        + "cut-points, or a mixed model with random trial effects (clmm).", "stratified"),
                Opt.value("--link", "logit|probit|cloglog", "Link of the stratified and common ordinal models and their PO "
                        + "test (clm's link): logit is the proportional-odds model (common odds ratio); probit and cloglog "
                        + "report -beta(treatment) on their scale. The mixed model, the two-stage fits and the interactions "
                        + "use the logit.", "logit"),
                Opt.value("--nominal", "A,B", "Covariates (of --covariates) with an effect per cut-point instead of one "
                        + "location coefficient, as clm's nominal = ~A + B, in the stratified or common model (the adjusted "
                        + "one): partial proportional odds in those covariates.", null),
                Opt.value("--scale", "A,B", "Scale effects, as clm's scale = ~A + B (treatment or covariates of "
                        + "--covariates): the linear predictor is divided by exp(z'zeta), in the stratified or common model "
                        + "(the adjusted one, or the unadjusted one without covariates).", null),
                Opt.value("--random-effects", "intercept|treatment|correlated|independent", "Mixed model: a random trial intercept, "
                        + "a random treatment effect, both correlated (1 + treatment | study), or both independent.", "intercept"),
                Opt.value("--nagq", "N", "Quadrature points of mixed models: 1 = Laplace, more = adaptive Gauss-Hermite "
                        + "(random intercept only).", "1"),
                Opt.value("--merge", "A-B", "Merge outcome categories A to B for the ordinal analysis (for example 5-6).", null),
                Opt.flag("--drop-empty", "A category with no patient in a trial drops its cut-point there (as R drops unused "
                        + "levels) instead of stopping with a message."),
                Opt.value("--binary", "LIST", "Binary outcomes: 0-2 (mRS 0-2), 0-1, death (worst category), or 0/1 columns such as sich.",
                        "0-2,0-1,death"),
                Opt.value("--binary-model", "stratified|random", "Logistic models: an intercept per trial, or a random trial intercept.",
                        "stratified"),
                Opt.value("--interactions", "A,B", "Covariates tested for effect modification (treatment × covariate within trials).", null),
                Opt.flag("--binary-only", "Only the binary outcomes (no ordinal analyses)."),
                Opt.flag("--no-unadjusted", "With covariates, skip the unadjusted ordinal model."),
                Opt.flag("--two-stage", "Also give per-trial common odds ratios pooled by random-effects meta-analysis."),
                Opt.value("--tau2", "METHOD", "tau² estimator of the two-stage pooling: DL, REML, ML, PM, SJ, HE, HS, EB, HSk, DLIT or SJIT.", "REML"),
                Opt.value("--ci", "z|knha", "Two-stage pooling: Wald z, or Hartung-Knapp-Sidik-Jonkman (t with k-1 df) intervals.", "z"),
                Opt.flag("--no-po-test", "Skip the test of the proportional-odds assumption."),
                Opt.value("--utility", "WEIGHTS", "Utility weights: chaisinanunkul2015 or dawn.", "chaisinanunkul2015"),
                Opt.value("--level", "L", "Confidence level.", "0.95"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Engine engine = a.engine();
        Engine.Input input = engine == null ? null : Options.engineInput(a);
        Table t = engine == null ? Options.read(a) : engine.header(input);
        List<String> covariates = Options.split(a.get("--covariates"));
        List<String> interactions = Options.split(a.get("--interactions"));
        LinkedHashSet<String> needed = new LinkedHashSet<>(covariates);
        needed.addAll(interactions);
        PatientData d = null;
        PatientLoader.Columns columns = null;
        if (DataKind.of(t) == DataKind.STROKE_PATIENTS && a.get("--outcome") == null) {
            if (engine != null) {
                throw new UsageException(engine.launcher() + " reads patients by the generic columns: name the outcome with"
                        + " --outcome (mrs_90 for the data dictionary's 90-day mRS), and the trial and arm columns with --study"
                        + " and --treatment");
            }
            if (a.get("--weights") != null) {
                throw new UsageException("--weights reads the generic patient columns: name the outcome column with --outcome"
                        + " (and the trial and arm columns with --study and --treatment)");
            }
            // thrombectomy trial data by the data dictionary (docs/data-dictionary.md)
            d = StrokeLoader.load(t).patients(new ArrayList<>(needed));
        } else {
            PatientLoader.Columns cols = PatientLoader.Columns.defaults(t);
            String outcome = a.get("--outcome") != null ? a.get("--outcome") : cols.outcome();
            cols = new PatientLoader.Columns(a.get("--study").equals("study") ? cols.study() : a.get("--study"), a.get("--treatment"),
                    outcome, a.integer("--categories"), new ArrayList<>(needed), a.get("--weights"));
            if (engine == null) {
                d = PatientLoader.load(t, cols);
            }
            columns = cols;
        }
        IpdRequest r = IpdRequest.defaults().withCovariates(covariates)
                .withOrdinalModel(IpdRequest.OrdinalModel.parse(a.get("--model")))
                .withRandomEffects(RandomEffects.parse(a.get("--random-effects"))).withNAGQ(a.integer("--nagq"))
                .withMerge(Options.merge(a.get("--merge")))
                .withBinary(BinaryEndpoint.parseAll(Options.split(a.get("--binary"))))
                .withBinaryModel(StudyEffect.parse(a.get("--binary-model"))).withInteractions(interactions)
                .withTwoStage(a.flag("--two-stage") ? MetaOptions.defaults().withTau2(Tau2Method.parse(a.get("--tau2")))
                        .withCi(CiMethod.parse(a.get("--ci"))).withLevel(a.number("--level")) : null)
                .withPoTest(!a.flag("--no-po-test")).withUtility(UtilityWeights.parse(a.get("--utility")))
                .withLevel(level(a)).withOrdinal(!a.flag("--binary-only")).withUnadjusted(!a.flag("--no-unadjusted"))
                .withDropEmpty(a.flag("--drop-empty")).withLink(Link.parse(a.get("--link")))
                .withNominal(Options.split(a.get("--nominal"))).withScale(Options.split(a.get("--scale")));
        IpdAnalysis.Outcome o = engine != null ? engine.ipd(input, columns, r) : Ipd.analyze(d, r);
        Options.write(a, out, format.equals("json") ? JsonReport.write(IpdReport.json(o)) : IpdReport.text(o));
        // binary outcomes asked for are part of the result; the default secondary ones that cannot be estimated
        // (separation, no events) are reported with their reason and do not fail the run
        boolean asked = !r.ordinal() || a.raw().stream().anyMatch(x -> x.equals("--binary") || x.startsWith("--binary="));
        if (!asked && o.primaryValid() && !o.valid()) {
            for (var b : o.binary()) {
                if (!b.result().converged() || b.result().separation()) {
                    err.println("note: the default secondary outcome " + b.result().event() + " could not be estimated ("
                            + b.result().convergence() + "); the rest of the analysis stands");
                }
            }
            err.flush();
            return 0;
        }
        return o.valid() ? 0 : Main.EXIT_INVALID;
    }

    /** The confidence level of --level, in the words the command has always used when it is out of range. */
    private static double level(Args a) {
        double level = a.number("--level");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1");
        }
        return level;
    }
}

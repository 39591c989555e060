package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.ipd.BinaryResult;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ipd.VarianceComponents;
import org.strokemeta.ordinal.CutPoint;
import org.strokemeta.ordinal.Link;
import org.strokemeta.ordinal.ProportionalOddsCheck;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;
import org.strokemeta.study.IpdAnalysis;

/** Output of the patient-level analysis. */
public final class IpdReport {
    /** The schema identifier of patient-level analyses. */
    public static final String SCHEMA = "strokemeta.ipd/1";

    private IpdReport() {
    }

    static String ratio(double log, double lo, double hi) {
        return Fmt.f(Math.exp(log), 2) + " [" + Fmt.f(Math.exp(lo), 2) + ", " + Fmt.f(Math.exp(hi), 2) + "]";
    }

    /**
     * A readable summary.
     *
     * @param o the patient-level analysis
     * @return the text
     */
    public static String text(IpdAnalysis.Outcome o) {
        StringBuilder sb = new StringBuilder();
        IpdAnalysis.Summary d = o.summary();
        String ci = Math.round(o.request().level() * 100) + "% CI";
        sb.append("Patient-level analysis: ").append(d.source()).append(", ").append(d.patients()).append(" patients in ")
                .append(d.studies()).append(" trials");
        if (d.weighted()) {
            sb.append(" (").append(d.size()).append(" rows with case weights)");
        }
        if (d.excluded() > 0) {
            sb.append(" (").append(d.excluded()).append(" left out, see notes)");
        }
        sb.append("\n\n").append(Fmt.pad("Trial", 24)).append(Fmt.right("treatment", 10)).append(Fmt.right("control", 10)).append('\n');
        int[][] n = d.armSizes();
        for (int s = 0; s < d.studies(); s++) {
            sb.append(Fmt.pad(d.studyNames(s), 24)).append(Fmt.right(Integer.toString(n[s][1]), 10))
                    .append(Fmt.right(Integer.toString(n[s][0]), 10)).append('\n');
        }
        if (o.primary() != null) {
            sb.append("\nOrdinal shift analysis of the outcome (0 best to ").append(d.categories() - 1)
                    .append("; common odds ratio > 1 = shift toward better outcomes with treatment)\n");
        }
        if (o.adjusted() != null) {
            shift(sb, "adjusted for " + String.join(", ", o.request().covariates()), o.adjusted(), ci,
                    o.adjusted().variance() == null ? o.request().link() : Link.LOGIT);
        }
        if (o.unadjusted() != null) {
            shift(sb, "unadjusted", o.unadjusted(), ci, o.unadjusted().variance() == null ? o.request().link() : Link.LOGIT);
        }
        if (o.twoStage() != null) {
            var pooled = o.twoStage().pooled();
            var pe = pooled.pooled();
            sb.append("  two-stage (per-trial cOR").append(o.request().covariates().isEmpty() ? ""
                    : " adjusted for " + String.join(", ", o.request().covariates())).append(", then ")
                    .append(ShiftReport.pooling(pooled)).append("): cOR ")
                    .append(ratio(pe.estimate(), pe.ciLower(), pe.ciUpper())).append(", ").append(Fmt.pEq(pe.p()));
            if (!Double.isNaN(pe.piLower())) {
                sb.append("; prediction interval [").append(Fmt.f(Math.exp(pe.piLower()), 2)).append(", ")
                        .append(Fmt.f(Math.exp(pe.piUpper()), 2)).append(']');
            }
            sb.append("\n    heterogeneity: I² = ").append(Fmt.f(pooled.heterogeneity().i2(), 1)).append("%, tau² = ")
                    .append(Fmt.g(pooled.heterogeneity().tau2())).append(", Q = ").append(Fmt.f(pooled.heterogeneity().q(), 2))
                    .append(" (df = ").append(pooled.heterogeneity().qDf()).append(", ").append(Fmt.pEq(pooled.heterogeneity().qP()))
                    .append(")\n");
            for (TrialEffect t : o.twoStage().trials()) {
                sb.append("    ").append(Fmt.pad(t.study(), 22));
                sb.append(t.included() ? ratio(t.effect().logCor(), t.effect().ciLower(), t.effect().ciUpper()) : "left out: " + t.reason());
                sb.append('\n');
            }
        }
        ProportionalOddsCheck po = o.poCheck();
        if (po != null) {
            sb.append("  proportional-odds check (likelihood ratio vs cut-point-specific treatment effects): ");
            sb.append(po.message() != null ? "not available: " + po.message()
                    : "chi² = " + Fmt.f(po.statistic(), 2) + " (df = " + po.df() + "), " + Fmt.pEq(po.p())).append('\n');
            sb.append("    tested in ").append(o.poTestModel()).append('\n');
        }
        if (!o.binary().isEmpty()) {
            sb.append("\nBinary outcomes (").append(o.binary().get(0).result().method()).append(")\n");
            // the event columns widen for large trials, so that the counts never run into each other
            int width = 11;
            for (IpdAnalysis.Binary bin : o.binary()) {
                int[] ev = events(bin);
                width = Math.max(width, Math.max((ev[0] + "/" + ev[1]).length(), (ev[2] + "/" + ev[3]).length()) + 2);
            }
            sb.append(Fmt.pad("Outcome", 18)).append(Fmt.right("events T", width)).append(Fmt.right("events C", width)).append("   ")
                    .append(Fmt.pad("OR [" + ci + "]", 22)).append(Fmt.right("p", 9)).append("   ").append("risk difference [" + ci + "]")
                    .append('\n');
            for (IpdAnalysis.Binary bin : o.binary()) {
                BinaryResult b = bin.result();
                Coefficient c = b.logOddsRatio();
                sb.append(Fmt.pad(b.event(), 18));
                int[] ev = events(bin);
                sb.append(Fmt.right(ev[0] + "/" + ev[1], width)).append(Fmt.right(ev[2] + "/" + ev[3], width)).append("   ");
                if (!b.converged() || b.separation()) {
                    sb.append("not estimable: ").append(b.convergence()).append('\n');
                    continue;
                }
                sb.append(Fmt.pad(ratio(c.estimate(), c.ciLower(), c.ciUpper()), 22)).append(Fmt.right(Fmt.p(c.p()), 9)).append("   ");
                var rd = b.riskDifference();
                sb.append(Fmt.f(100 * rd.estimate(), 1)).append("% [").append(Fmt.f(100 * rd.ciLower(), 1)).append(", ")
                        .append(Fmt.f(100 * rd.ciUpper(), 1)).append("]\n");
            }
        }
        if (!o.interactions().isEmpty()) {
            sb.append("\nEffect modification: treatment × covariate interaction within trials (trial-stratified models)\n");
            String current = null;
            double z = Dist.zCrit(o.request().level());
            for (EffectModification.Interaction x : o.interactions()) {
                boolean shift = EffectModification.SHIFT.equals(x.outcome());
                if (!x.outcome().equals(current)) {
                    current = x.outcome();
                    sb.append(shift ? "  ordinal shift: ratio of common odds ratios per unit of the covariate (> 1 = more benefit)\n"
                            : "  " + x.outcome() + ": ratio of odds ratios of the event per unit of the covariate\n");
                }
                sb.append("    ").append(Fmt.pad(x.covariate(), 20));
                if (!x.valid()) {
                    sb.append("not estimable\n");
                    continue;
                }
                // the ordinal model's scale is positive = worse, so the benefit ratio flips the sign;
                // the logistic model's is positive = more events
                double w = shift ? -x.within() : x.within();
                sb.append(ratio(w, w - z * x.withinSe(), w + z * x.withinSe()))
                        .append(", p(interaction) = ").append(Fmt.p(x.withinP())).append('\n');
            }
        }
        if (o.benefit() != null || o.utility() != null) {
            sb.append('\n');
        }
        ShiftReport.netBenefitLine(sb, o.clinical());
        ShiftReport.utilityLine(sb, o.clinical());
        details(sb, o);
        if (!o.valid()) {
            sb.append("WARNING: a model did not converge or an outcome is separated; those results are not valid.\n");
        }
        TextReport.notes(sb, allNotes(o));
        return sb.toString();
    }

    private static void shift(StringBuilder sb, String label, IpdAnalysis.Shift s, String ci, Link link) {
        sb.append("  ").append(label).append(": ");
        if (!s.converged()) {
            sb.append("did not converge (").append(s.message()).append(")\n");
            return;
        }
        if (link == Link.LOGIT) {
            sb.append("cOR ").append(ratio(s.effect().logCor(), s.effect().ciLower(), s.effect().ciUpper()));
        } else {
            // not an odds ratio: the treatment effect on the latent scale of the link, > 0 = better
            sb.append("-beta(treatment) ").append(Fmt.f(s.effect().logCor(), 4)).append(" [").append(Fmt.f(s.effect().ciLower(), 4))
                    .append(", ").append(Fmt.f(s.effect().ciUpper(), 4)).append("] on the ").append(link.rName()).append(" scale");
        }
        sb.append(" (").append(ci).append("), ").append(Fmt.pEq(s.effect().p())).append("; ").append(s.method());
        VarianceComponents v = s.variance();
        if (v != null) {
            sb.append("; between-trial variance");
            if (!Double.isNaN(v.interceptVariance())) {
                sb.append(" intercept ").append(Fmt.g(v.interceptVariance()));
            }
            if (!Double.isNaN(v.treatmentVariance())) {
                sb.append(" treatment ").append(Fmt.g(v.treatmentVariance()));
            }
            if (v.atBoundary()) {
                sb.append(" (at the boundary)");
            }
        }
        sb.append('\n');
    }

    /**
     * The full output of every model: fit statistics, the coefficient table (model scale), the cut-points with
     * their standard errors of the ordinal models, and the intercepts and variance of the logistic models.
     */
    private static void details(StringBuilder sb, IpdAnalysis.Outcome o) {
        boolean any = o.binary().stream().anyMatch(b -> b.result().converged() && !b.result().separation())
                || o.adjusted() != null && o.adjusted().converged() || o.unadjusted() != null && o.unadjusted().converged();
        if (!any) {
            return;
        }
        sb.append("\nModel details (coefficients on each model's scale: ordinal positive = toward worse categories, "
                + "logistic positive = more events)\n");
        for (IpdAnalysis.Shift s : new IpdAnalysis.Shift[] {o.adjusted(), o.unadjusted()}) {
            if (s == null || !s.converged()) {
                continue;
            }
            sb.append("  ordinal model, ").append(s == o.adjusted() ? "adjusted for " + String.join(", ", o.request().covariates()) : "unadjusted").append(": log-likelihood ")
                    .append(Fmt.f(s.logLik(), 3)).append(", AIC ").append(Fmt.f(s.aic(), 2)).append(" (").append(s.parameters())
                    .append(" parameters)\n");
            table(sb, s.coefficients(), List.of());
            if (!s.nominal().isEmpty()) {
                sb.append("    nominal effects (added to the cut-point j|j+1; positive = categories at or below j more likely)\n");
                table(sb, s.nominal(), List.of());
            }
            if (!s.scale().isEmpty()) {
                sb.append("    scale effects (the linear predictor divided by exp(z'zeta))\n");
                table(sb, s.scale(), List.of());
            }
            cutPoints(sb, s.cutPoints());
        }
        for (IpdAnalysis.Binary bin : o.binary()) {
            BinaryResult b = bin.result();
            if (!b.converged() || b.separation()) {
                continue;
            }
            sb.append("  ").append(b.event()).append(": log-likelihood ").append(Fmt.f(b.logLik(), 3)).append(", deviance ")
                    .append(Fmt.f(b.deviance(), 2)).append(", AIC ").append(Fmt.f(b.aic(), 2)).append(", BIC ").append(Fmt.f(b.bic(), 2))
                    .append(" (").append(b.parameters()).append(" parameters, residual df ").append(b.dfResidual()).append(')');
            VarianceComponents v = b.variance();
            if (v != null) {
                sb.append("; random-intercept variance ").append(Fmt.g(v.interceptVariance())).append(" (SD ")
                        .append(Fmt.g(v.interceptSd())).append(v.atBoundary() ? ", at the boundary)" : ")");
            }
            sb.append('\n');
            table(sb, b.intercepts(), b.coefficients());
        }
    }

    /** A coefficient table: estimate, standard error, Wald z and p. */
    private static void table(StringBuilder sb, List<Coefficient> first, List<Coefficient> then) {
        sb.append("    ").append(Fmt.pad("", 22)).append(Fmt.right("estimate", 11)).append(Fmt.right("SE", 10)).append(Fmt.right("z", 9))
                .append(Fmt.right("p", 10)).append('\n');
        List<Coefficient> all = new ArrayList<>(first);
        all.addAll(then);
        for (Coefficient c : all) {
            sb.append("    ").append(Fmt.pad(c.name(), 22)).append(Fmt.right(Fmt.f(c.estimate(), 4), 11))
                    .append(Fmt.right(Fmt.f(c.se(), 4), 10)).append(Fmt.right(Fmt.f(c.statistic(), 2), 9))
                    .append(Fmt.right(Fmt.p(c.p()), 10)).append('\n');
        }
    }

    /** The cut-points with their standard errors, one row per trial (or one common row), one column per cut-point. */
    static void cutPoints(StringBuilder sb, List<CutPoint> cuts) {
        if (cuts.isEmpty()) {
            return;
        }
        List<String> names = cuts.stream().map(CutPoint::name).distinct().toList();
        sb.append("    cut-points theta_j (SE), F^-1(P(outcome <= j)) = theta_j - linear predictor\n");
        sb.append("    ").append(Fmt.pad("", 22));
        for (String n : names) {
            sb.append(Fmt.right(n, 18));
        }
        sb.append('\n');
        String current = "";
        for (CutPoint c : cuts) {
            String row = c.stratum() == null ? "common" : c.stratum();
            if (!row.equals(current)) {
                if (!current.isEmpty()) {
                    sb.append('\n');
                }
                current = row;
                sb.append("    ").append(Fmt.pad(row, 22));
            }
            sb.append(Fmt.right(Double.isFinite(c.estimate()) ? Fmt.f(c.estimate(), 3) + " (" + Fmt.f(c.se(), 3) + ")"
                    : "dropped", 18));
        }
        sb.append('\n');
    }

    /** Events and patients per arm: treated events, treated n, control events, control n. */
    static int[] events(IpdAnalysis.Binary b) {
        return new int[] {b.eventsTreatment(), b.patientsTreatment(), b.eventsControl(), b.patientsControl()};
    }

    static List<Note> allNotes(IpdAnalysis.Outcome o) {
        List<Note> all = new ArrayList<>(o.notes());
        if (o.adjusted() != null) {
            all.addAll(o.adjusted().notes());
        }
        if (o.unadjusted() != null) {
            all.addAll(o.unadjusted().notes());
        }
        for (IpdAnalysis.Binary b : o.binary()) {
            all.addAll(b.result().notes());
        }
        for (EffectModification.Interaction x : o.interactions()) {
            all.addAll(x.notes());
        }
        return all.stream().distinct().toList();
    }

    /**
     * The JSON document.
     *
     * @param o the patient-level analysis
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(IpdAnalysis.Outcome o) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        IpdAnalysis.Summary d = o.summary();
        root.put("source", d.source());
        root.put("patients", d.patients());
        if (d.weighted()) {
            root.put("rows", d.size());
        }
        root.put("excluded", d.excluded());
        root.put("categories", d.categories());
        ArrayNode trials = root.putArray("trials");
        int[][] n = d.armSizes();
        for (int s = 0; s < d.studies(); s++) {
            ObjectNode t = trials.addObject();
            t.put("study", d.studyNames(s));
            t.put("treatment", n[s][1]);
            t.put("control", n[s][0]);
        }
        root.put("link", o.request().link().rName());
        ArrayNode cov = root.putArray("covariates");
        o.request().covariates().forEach(cov::add);
        root.set("adjusted", o.adjusted() == null ? null : shift(o.adjusted()));
        root.set("unadjusted", o.unadjusted() == null ? null : shift(o.unadjusted()));
        root.set("two_stage", o.twoStage() == null ? null : JsonReport.result(o.twoStage().pooled()));
        ShiftReport.poTest(root, o.poCheck());
        if (o.poCheck() != null) {
            ((ObjectNode) root.get("po_test")).put("tested_model", o.poTestModel());
        }
        ArrayNode bin = root.putArray("binary");
        for (IpdAnalysis.Binary bin0 : o.binary()) {
            BinaryResult b = bin0.result();
            ObjectNode x = bin.addObject();
            x.put("event", b.event());
            x.put("method", b.method());
            int[] ev = events(bin0);
            x.put("events_treatment", ev[0]);
            x.put("patients_treatment", ev[1]);
            x.put("events_control", ev[2]);
            x.put("patients_control", ev[3]);
            coefficient(x.putObject("log_or"), b.logOddsRatio());
            var rd = b.riskDifference();
            ObjectNode r = x.putObject("risk_difference");
            JsonReport.num(r, "risk_treatment", rd.riskTreated());
            JsonReport.num(r, "risk_control", rd.riskControl());
            JsonReport.num(r, "estimate", rd.estimate());
            JsonReport.num(r, "se", rd.se());
            JsonReport.num(r, "ci_lower", rd.ciLower());
            JsonReport.num(r, "ci_upper", rd.ciUpper());
            JsonReport.num(r, "p", rd.p());
            x.put("converged", b.converged());
            x.put("separation", b.separation());
            ArrayNode coefs = x.putArray("coefficients");
            for (Coefficient c : b.coefficients()) {
                coefficient(coefs.addObject(), c);
            }
            ArrayNode icpt = x.putArray("intercepts");
            for (Coefficient c : b.intercepts()) {
                coefficient(icpt.addObject(), c);
            }
            VarianceComponents v = b.variance();
            if (v == null) {
                x.putNull("variance");
            } else {
                ObjectNode vn = x.putObject("variance");
                JsonReport.num(vn, "intercept", v.interceptVariance());
                JsonReport.num(vn, "intercept_sd", v.interceptSd());
                vn.put("at_boundary", v.atBoundary());
            }
            JsonReport.num(x, "loglik", b.logLik());
            JsonReport.num(x, "deviance", b.deviance());
            JsonReport.num(x, "aic", b.aic());
            JsonReport.num(x, "bic", b.bic());
            x.put("parameters", b.parameters());
            x.put("df_resid", b.dfResidual());
        }
        ArrayNode inter = root.putArray("interactions");
        for (EffectModification.Interaction x : o.interactions()) {
            ObjectNode i = inter.addObject();
            i.put("outcome", x.outcome());
            i.put("covariate", x.covariate());
            JsonReport.num(i, "within", x.within());
            JsonReport.num(i, "within_se", x.withinSe());
            JsonReport.num(i, "within_p", x.withinP());
            JsonReport.num(i, "across", x.across());
            JsonReport.num(i, "across_se", x.acrossSe());
            i.put("valid", x.valid());
        }
        ShiftReport.netBenefit(root, o.clinical());
        ShiftReport.utility(root, o.clinical());
        root.put("valid", o.valid());
        root.set("notes", JsonReport.notes(allNotes(o)));
        return root;
    }

    static ObjectNode shift(IpdAnalysis.Shift s) {
        ObjectNode n = JsonReport.mapper().createObjectNode();
        n.put("method", s.method());
        ShiftReport.cor(s.effect(), n);
        ArrayNode c = n.putArray("coefficients");
        for (Coefficient x : s.coefficients()) {
            coefficient(c.addObject(), x);
        }
        VarianceComponents v = s.variance();
        if (v == null) {
            n.putNull("variance");
        } else {
            ObjectNode vn = n.putObject("variance");
            JsonReport.num(vn, "intercept", v.interceptVariance());
            JsonReport.num(vn, "treatment", v.treatmentVariance());
            JsonReport.num(vn, "correlation", v.correlation());
            vn.put("at_boundary", v.atBoundary());
        }
        JsonReport.num(n, "loglik", s.logLik());
        n.put("parameters", s.parameters());
        JsonReport.num(n, "aic", s.aic());
        n.set("cut_points", cutPoints(s.cutPoints()));
        if (!s.nominal().isEmpty()) {
            ArrayNode a = n.putArray("nominal");
            for (Coefficient x : s.nominal()) {
                coefficient(a.addObject(), x);
            }
        }
        if (!s.scale().isEmpty()) {
            ArrayNode a = n.putArray("scale");
            for (Coefficient x : s.scale()) {
                coefficient(a.addObject(), x);
            }
        }
        n.put("patients", s.patients());
        n.put("converged", s.converged());
        n.put("message", s.message());
        return n;
    }

    /** {@code cut_points}: [{"stratum", "name", "estimate", "se"}], stratum null for common cut-points. */
    static ArrayNode cutPoints(List<CutPoint> cuts) {
        ArrayNode a = JsonReport.mapper().createArrayNode();
        for (CutPoint c : cuts) {
            ObjectNode n = a.addObject();
            n.put("stratum", c.stratum());
            n.put("name", c.name());
            JsonReport.num(n, "estimate", c.estimate());
            JsonReport.num(n, "se", c.se());
        }
        return a;
    }

    static void coefficient(ObjectNode n, Coefficient c) {
        n.put("name", c.name());
        JsonReport.num(n, "estimate", c.estimate());
        JsonReport.num(n, "se", c.se());
        JsonReport.num(n, "z", c.statistic());
        JsonReport.num(n, "p", c.p());
        JsonReport.num(n, "ci_lower", c.ciLower());
        JsonReport.num(n, "ci_upper", c.ciUpper());
    }
}

package org.strokemeta.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.strokemeta.data.InputException;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeField;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;

/**
 * Computes a {@link StudyReport}: checks the plan's variables against the data, then runs its steps in
 * order (Table 1, the primary and secondary outcomes, the subgroups, the M2 section, the effect
 * against time, the Grotta counts), telling the caller the name of each as it starts.
 */
final class StudyRun {
    private StudyRun() {
    }

    /** Runs the plan on the cohort; see {@link StudyReport#run(StrokeCohort, AnalysisPlan, StudyReport.Provenance, Consumer, Execution)}. */
    static StudyReport run(StrokeCohort cohort, AnalysisPlan plan, StudyReport.Provenance provenance, Consumer<String> progress,
                           Execution execution) {
        List<StudyReport.MissingVariable> lacking = PlanVariables.missing(cohort, plan);
        if (!lacking.isEmpty() && !plan.skipMissing()) {
            throw InputException.of(cohort.source(), PlanVariables.describe(lacking) + "; correct the plan, or let the analysis run without "
                    + (lacking.size() == 1 ? "it" : "them") + " (\"skip_missing\": true in the plan)");
        }
        Consumer<String> step = progress == null ? s -> { } : progress;
        step.accept("baseline");
        List<StudyReport.BaselineRow> baseline = TableOne.of(cohort);
        List<String> covariates = PlanVariables.available(cohort, plan.covariates());
        step.accept("primary outcome");
        PatientData d = cohort.patients(covariates);
        Map<String, double[]> outcomes = outcomeColumns(cohort, d, plan);
        IpdAnalysis.Outcome main = IpdAnalysis.run(d, outcomes,
                request(plan, covariates, PlanVariables.binaryOutcomes(cohort, plan), execution));
        List<StudyReport.SubgroupResult> subgroups = new ArrayList<>();
        for (AnalysisPlan.Subgroup s : plan.subgroups()) {
            step.accept("subgroup " + s.label());
            if (!PlanVariables.hasVariable(cohort, s.variable())) {
                subgroups.add(SubgroupSections.lacking(s));
                continue;
            }
            subgroups.add(SubgroupSections.subgroup(cohort, d, plan, covariates, s.label(), s.variable(), s.cuts(), execution));
        }
        StudyReport.M2Section m2 = null;
        if (plan.m2() && cohort.has(StrokeField.OCCLUSION_SITE)) {
            step.accept("M2 occlusions");
            m2 = M2Step.of(cohort, d, plan, covariates, execution);
        }
        StudyReport.TimeEffect time = null;
        if (cohort.has(StrokeField.ONSET_TO_RANDOMISATION)) {
            step.accept("effect against time");
            time = TimeStep.of(cohort, plan, covariates, execution);
        }
        List<StudyReport.Grotta> grotta = new ArrayList<>();
        grotta.add(new StudyReport.Grotta("All patients", counts(d)));
        if (m2 != null && m2.analysis() != null) {
            grotta.add(new StudyReport.Grotta("M2 occlusions", counts(m2.analysis().data())));
        }
        org.strokemeta.bayes.BayesResult bayes = null;
        org.strokemeta.sequential.TsaResult tsa = null;
        if ((plan.bayes() != null || plan.sequential() != null) && main.twoStage() != null) {
            org.strokemeta.effect.EffectSizes es = main.twoStage().pooled().effects();
            if (plan.bayes() != null) {
                step.accept("Bayesian analysis");
                bayes = bayes(es, plan);
            }
            if (plan.sequential() != null) {
                step.accept("trial sequential analysis");
                tsa = sequential(cohort.source(), es, d, plan);
            }
        }
        return new StudyReport(plan, cohort.simulated(), cohort, baseline, main, subgroups, m2, time, grotta, provenance, null, bayes, tsa);
    }

    /** The Bayesian analysis of the trials' adjusted log common odds ratios. */
    static org.strokemeta.bayes.BayesResult bayes(org.strokemeta.effect.EffectSizes es, AnalysisPlan plan) {
        PublishedBayes.Request q = plan.bayes();
        org.strokemeta.bayes.TauPrior tau = q.tauPrior() != null ? q.tauPrior() : PublishedBayes.turnerPrior(PublishedAnalysis.SHIFT);
        List<Double> th = q.thresholds().stream().map(Math::log).toList();
        return org.strokemeta.bayes.BayesMeta.fit(List.of(es.study()), es.yi(), es.vi(),
                new org.strokemeta.bayes.BayesOptions(q.muPrior(), tau, plan.level(), th));
    }

    /**
     * The trial sequential analysis of the trials' adjusted log common odds ratios, in the plan's order of the trials
     * (or the data's), each trial's analysed patients as its information.
     */
    static org.strokemeta.sequential.TsaResult sequential(String source, org.strokemeta.effect.EffectSizes es, PatientData d, AnalysisPlan plan) {
        AnalysisPlan.Sequential q = plan.sequential();
        List<String> names = List.of(es.study());
        int[] pos = new int[es.size()];
        if (q.order().isEmpty()) {
            for (int i = 0; i < pos.length; i++) {
                pos[i] = i;
            }
        } else {
            java.util.Set<String> given = new java.util.HashSet<>(q.order());
            List<String> missing = names.stream().filter(n -> !given.contains(n)).toList();
            List<String> unknown = q.order().stream().filter(n -> !names.contains(n)).toList();
            if (!missing.isEmpty() || !unknown.isEmpty() || given.size() != q.order().size()) {
                throw InputException.of(source, "the plan's tsa.order must name each analysed trial once ("
                        + String.join(", ", names) + ")" + (unknown.isEmpty() ? "" : "; not analysed: " + String.join(", ", unknown))
                        + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)));
            }
            for (int i = 0; i < pos.length; i++) {
                pos[i] = names.indexOf(q.order().get(i));
            }
        }
        int[] patients = new int[d.studyNames().length];
        for (int i = 0; i < d.patients(); i++) {
            patients[d.study(i)] += d.weighted() ? d.weight(i) : 1;
        }
        double[] info = new double[pos.length];
        for (int i = 0; i < pos.length; i++) {
            info[i] = patients[java.util.Arrays.asList(d.studyNames()).indexOf(names.get(pos[i]))];
        }
        double[] control = org.strokemeta.ordinal.ArmDistribution.pooled(d).control();
        double sum = java.util.Arrays.stream(control).sum();
        for (int i = 0; i < control.length; i++) {
            control[i] /= sum;
        }
        var opts = new org.strokemeta.sequential.TsaOptions(new org.strokemeta.sequential.Target.Ordinal(control, q.cor()), q.alpha(), q.power(),
                q.heterogeneity(), q.i2(), q.futility(), q.spending());
        return org.strokemeta.sequential.TrialSequential.analyze(es.subset(pos), info, true, opts,
                "log common odds ratio (two-stage, adjusted)");
    }

    /** The patient-level request of the report's models on the library's pool. */
    static IpdRequest request(AnalysisPlan plan, List<String> covariates, List<String> binary) {
        return request(plan, covariates, binary, Execution.defaults());
    }

    /** The patient-level request of the report's models: mixed ordinal model, the plan's pooling and level. */
    static IpdRequest request(AnalysisPlan plan, List<String> covariates, List<String> binary, Execution execution) {
        MetaOptions pooling = MetaOptions.defaults().withModel(Model.RANDOM).withTau2(plan.tau2()).withCi(plan.ci())
                .withLevel(plan.level());
        return IpdRequest.defaults().withCovariates(covariates).withOrdinalModel(IpdRequest.OrdinalModel.MIXED)
                .withRandomEffects(plan.randomEffects()).withNAGQ(plan.nAGQ()).withMerge(plan.merge())
                .withBinary(org.strokemeta.ipd.BinaryEndpoint.parseAll(binary)).withBinaryModel(plan.binaryModel())
                .withInteractions(List.of()).withTwoStage(pooling).withPoTest(true).withUtility(UtilityWeights.chaisinanunkul2015())
                .withLevel(plan.level()).withOrdinal(true).withUnadjusted(true).withDropEmpty(true).withExecution(execution);
    }

    /** 0/1 outcomes of the cohort (sich) of the analysed patients, from the columns they carry. */
    static Map<String, double[]> outcomeColumns(StrokeCohort c, PatientData d, AnalysisPlan plan) {
        Map<String, double[]> out = new HashMap<>();
        for (String b : PlanVariables.binaryOutcomes(c, plan)) {
            if (PlanVariables.fromMrs(b)) {
                continue;
            }
            out.put(b, c.covariate(d, b));
        }
        return out;
    }

    /** mRS counts per arm ({@code [0]} thrombectomy, {@code [1]} control) of the analysed patients. */
    static double[][] counts(PatientData d) {
        return org.strokemeta.ordinal.ArmDistribution.pooled(d).counts();
    }
}

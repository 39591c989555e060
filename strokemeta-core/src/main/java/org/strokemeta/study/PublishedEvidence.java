package org.strokemeta.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;

/**
 * The published evidence bundled with the product ({@code evidence/} in the resources): the 90-day
 * mRS distribution per arm of the seven HERMES trials, their published binary outcomes and effect
 * estimates, each value with its source and a confidence; and the comparison of the published common
 * odds ratios with those computed from the bundled distributions ({@link #reproduce()}).
 */
public final class PublishedEvidence {
    private static final String DIR = "org/strokemeta/evidence/";
    /** The five trials of the HERMES pooled analysis (Goyal et al., Lancet 2016). */
    public static final List<String> HERMES_FIVE = List.of("MR CLEAN", "ESCAPE", "REVASCAT", "SWIFT PRIME", "EXTEND-IA");

    private PublishedEvidence() {
    }

    /**
     * A published estimate.
     *
     * @serial exclude
     */
    public record Published(String analysis, String outcome, String measure, double estimate, double lower, double upper, boolean adjusted,
                            String source, String note) implements java.io.Serializable {
    }

    /**
     * One line of the comparison.
     *
     * @param label       the trial or the pooled analysis
     * @param published   the published common odds ratio (null when none was found)
     * @param computed    the unadjusted common odds ratio computed from the bundled distributions
     * @param patients    patients in the distributions used
     * @param confidence  the confidence of the bundled distribution (high, medium, low)
     * @param explanation why the two differ
     * @serial exclude
     */
    public record Comparison(String label, Published published, CommonOddsRatio computed, int patients, String confidence,
                             String explanation) implements java.io.Serializable {
    }

    /**
     * The bundled per-arm mRS distributions as a table of counts.
     *
     * @return one row per trial and arm, counts per mRS category
     */
    public static OrdinalTable distributions() {
        return OrdinalTableLoader.load(table("published-mrs.csv"));
    }

    /**
     * The bundled published effect estimates.
     *
     * @return the estimates, in file order
     */
    public static List<Published> effects() {
        Table t = table("published-effects.csv");
        List<Published> out = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            out.add(new Published(t.text(i, "analysis"), t.text(i, "outcome"), t.text(i, "measure"), num(t, i, "estimate"),
                    num(t, i, "ci_lower"), num(t, i, "ci_upper"), t.text(i, "adjusted").equals("yes"), t.text(i, "source"), t.text(i, "note")));
        }
        return out;
    }

    /** The published ordinal (shift) estimate of an analysis, or null. */
    static Published shift(List<Published> all, String analysis) {
        for (Published p : all) {
            if (p.analysis().equals(analysis) && p.outcome().startsWith("90-day mRS shift")) {
                return p;
            }
        }
        return null;
    }

    /**
     * Each trial's published common odds ratio beside the one computed from its bundled distribution
     * (proportional odds, unadjusted), and the HERMES pooled estimate beside the two-stage pooled one
     * (REML) of the same five trials, then of all seven.
     *
     * @return one comparison per trial, then the pooled ones
     */
    public static List<Comparison> reproduce() {
        OrdinalTable table = distributions();
        List<Published> effects = effects();
        Table raw = table("published-mrs.csv");
        ShiftRequest r = ShiftRequest.defaults().withPoTest(false).withUtility(null)
                .withOptions(MetaOptions.defaults().withTau2(Tau2Method.REML));
        ShiftAnalysis.Outcome all = ShiftAnalysis.run(table, r);
        List<Comparison> out = new ArrayList<>();
        for (TrialEffect t : all.twoStage().trials()) {
            int row = rowOf(raw, t.study());
            String confidence = raw.text(row, "confidence") + "/" + raw.text(row + 1, "confidence");
            int n = (int) (sum(table, t.study(), true) + sum(table, t.study(), false));
            int reported = (int) (num(raw, row, "n_reported") + num(raw, row + 1, "n_reported"));
            Published p = shift(effects, t.study());
            out.add(new Comparison(t.study(), p, t.effect(), n, confidence, explain(p, confidence, n, reported)));
        }
        int[] five = new int[HERMES_FIVE.size()];
        for (int k = 0; k < five.length; k++) {
            five[k] = List.of(table.study()).indexOf(HERMES_FIVE.get(k));
        }
        ShiftAnalysis.Outcome pooled5 = ShiftAnalysis.run(table.subset(five), r);
        Published hermes = shift(effects, "HERMES");
        out.add(new Comparison("HERMES, 5 trials (two-stage, REML)", hermes, pooledCor(pooled5), patients(table.subset(five)), "see trials",
                "HERMES pooled patient data in one mixed model adjusted for age, sex, NIHSS, occlusion site, IV alteplase, ASPECTS and time "
                        + "to randomisation; computed: per-trial unadjusted estimates pooled by random-effects meta-analysis"));
        out.add(new Comparison("All 7 trials (two-stage, REML)", null, pooledCor(all), patients(table), "see trials",
                "no published pooled estimate of these seven distributions"));
        return out;
    }

    private static CommonOddsRatio pooledCor(ShiftAnalysis.Outcome o) {
        return o.effect();
    }

    private static String explain(Published p, String confidence, int n, int reported) {
        List<String> why = new ArrayList<>();
        if (p == null) {
            why.add("no published common odds ratio found (the trial's primary outcome was binary or its estimate was not read)");
        } else if (p.adjusted()) {
            why.add("the published estimate is adjusted for baseline prognostic factors, the computed one is not");
        } else {
            why.add("the published estimate's adjustment is not stated in the sources read");
        }
        if (n != reported) {
            why.add("the distribution covers " + n + " of the " + reported + " patients reported");
        }
        if (confidence.contains("low")) {
            why.add("the bundled distribution is a secondary transcription with inconsistencies (see its note)");
        }
        return String.join("; ", why);
    }

    private static int patients(OrdinalTable t) {
        ArmDistribution all = ArmDistribution.pooled(t);
        return (int) (all.treatmentTotal() + all.controlTotal());
    }

    private static double sum(OrdinalTable t, String study, boolean treatment) {
        int s = List.of(t.study()).indexOf(study);
        ArmDistribution a = ArmDistribution.of(t, s);
        return treatment ? a.treatmentTotal() : a.controlTotal();
    }

    private static int rowOf(Table t, String study) {
        for (int i = 0; i < t.rows(); i++) {
            if (t.text(i, "study").equals(study) && t.text(i, "arm").equals("treatment")) {
                return i;
            }
        }
        throw new IllegalStateException("no treatment row for " + study);
    }

    private static double num(Table t, int row, String col) {
        String s = t.text(row, col);
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    private static Table table(String name) {
        try (InputStream in = PublishedEvidence.class.getResourceAsStream("/" + DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled evidence " + name + " is missing");
            }
            return CsvReader.read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.sensitivity.Influence;
import org.strokemeta.sensitivity.StudyDiagnostics;

/** The influence diagnostics ({@link Influence}) as text (metafor's {@code print(influence(res))}), CSV and JSON. */
public final class InfluenceReport {
    /** The JSON schema identifier. */
    public static final String SCHEMA = "strokemeta.influence/1";
    /** The CSV columns (and the JSON keys of each study), in order. */
    public static final List<String> COLUMNS = List.of("study", "rstudent", "dffits", "cook_d", "cov_r", "tau2_del", "qe_del", "hat", "weight",
            "dfbetas", "influential", "baujat_x", "baujat_y", "fitted", "resid", "rstandard_se", "rstandard_z", "blup", "blup_se", "blup_pi_lower",
            "blup_pi_upper", "ranef", "ranef_se");

    private InfluenceReport() {
    }

    private static double[] values(StudyDiagnostics.Study s) {
        return new double[] {s.fitted(), s.residual(), s.residualSe(), s.standardised(), s.blup(), s.blupSe(), s.blupLower(), s.blupUpper(), s.ranef(),
            s.ranefSe()};
    }

    /**
     * A table with one row per study; an asterisk marks an influential study.
     *
     * @param inf the diagnostics
     * @return the text
     */
    public static String text(Influence inf) {
        return text(inf, null);
    }

    /**
     * The influence table, then the residuals and predicted effects.
     *
     * @param inf the influence diagnostics
     * @param d   the residuals and predictions of the same model, or null
     * @return the text
     */
    public static String text(Influence inf, StudyDiagnostics d) {
        MetaResult full = inf.full();
        StringBuilder sb = new StringBuilder();
        sb.append("Influence diagnostics: ").append(full.effects().measure().description()).append(", ").append(full.method()).append('\n');
        int lw = 12;
        for (Influence.Case c : inf.studies()) {
            lw = Math.max(lw, Math.min(40, c.study().length() + 2));
        }
        sb.append(Fmt.pad("study", lw));
        for (String h : new String[] {"rstudent", "dffits", "cook.d", "cov.r", "tau2.del", "QE.del", "hat", "weight", "dfbs"}) {
            sb.append(Fmt.right(h, 10));
        }
        sb.append("  inf\n");
        for (Influence.Case c : inf.studies()) {
            sb.append(Fmt.pad(c.study(), lw));
            for (double v : new double[] {c.rstudent(), c.dffits(), c.cookD(), c.covRatio(), c.tau2Deleted(), c.qeDeleted(), c.hat(), c.weight(),
                c.dfbetas()}) {
                sb.append(Fmt.right(Fmt.f(v, 4), 10));
            }
            sb.append(c.influential() ? "    *" : "").append('\n');
        }
        long n = inf.studies().stream().filter(Influence.Case::influential).count();
        sb.append(n == 0 ? "No study is influential by metafor's criteria"
                : n + (n == 1 ? " study is" : " studies are") + " influential (*) by metafor's criteria")
                .append(" (|dffits| > 3 sqrt(1/(k-1)), P(chi2_1 <= cook.d) > 0.5, hat > 3/k, or |dfbs| > 1).\n");
        if (d != null) {
            String level = Math.round(d.model().options().level() * 100) + "%";
            sb.append("\nResiduals and predicted true effects (BLUPs), on the analysis scale (")
                    .append(full.effects().measure().logScale() ? "log" : "as estimated").append("):\n").append(Fmt.pad("study", lw));
            for (String h : new String[] {"resid", "se", "z"}) {
                sb.append(Fmt.right(h, 10));
            }
            sb.append("   ").append(Fmt.pad("blup [" + level + " PI]", 38)).append(Fmt.right("ranef", 10)).append(Fmt.right("se", 10)).append('\n');
            for (StudyDiagnostics.Study s : d.studies()) {
                sb.append(Fmt.pad(s.study(), lw)).append(Fmt.right(Fmt.f(s.residual(), 4), 10)).append(Fmt.right(Fmt.f(s.residualSe(), 4), 10))
                        .append(Fmt.right(Fmt.f(s.standardised(), 4), 10)).append("   ")
                        .append(Fmt.pad(Fmt.f(s.blup(), 4) + " [" + Fmt.f(s.blupLower(), 4) + ", " + Fmt.f(s.blupUpper(), 4) + "]", 38))
                        .append(Fmt.right(Fmt.f(s.ranef(), 4), 10)).append(Fmt.right(Fmt.f(s.ranefSe(), 4), 10)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * One row per study, the columns of {@link #COLUMNS}.
     *
     * @param inf the diagnostics
     * @param d   the residuals and predictions of the same model
     * @return the CSV text
     */
    public static String csv(Influence inf, StudyDiagnostics d) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = 0; i < inf.studies().size(); i++) {
            Influence.Case c = inf.studies().get(i);
            sb.append(CsvReport.quote(c.study()));
            for (double v : new double[] {c.rstudent(), c.dffits(), c.cookD(), c.covRatio(), c.tau2Deleted(), c.qeDeleted(), c.hat(), c.weight(),
                c.dfbetas()}) {
                sb.append(',').append(CsvReport.number(v));
            }
            sb.append(',').append(c.influential()).append(',').append(CsvReport.number(c.baujatX())).append(',').append(CsvReport.number(c.baujatY()));
            StudyDiagnostics.Study s = d.studies().get(i);
            for (double v : values(s)) {
                sb.append(',').append(CsvReport.number(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The JSON document.
     *
     * @param source the input's name
     * @param inf    the diagnostics
     * @param d      the residuals and predictions of the same model
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(String source, Influence inf, StudyDiagnostics d) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        root.set("all_studies", JsonReport.result(inf.full()));
        ArrayNode arr = root.putArray("studies");
        for (int i = 0; i < inf.studies().size(); i++) {
            Influence.Case c = inf.studies().get(i);
            ObjectNode o = arr.addObject();
            o.put("study", c.study());
            JsonReport.num(o, "rstudent", c.rstudent());
            JsonReport.num(o, "dffits", c.dffits());
            JsonReport.num(o, "cook_d", c.cookD());
            JsonReport.num(o, "cov_r", c.covRatio());
            JsonReport.num(o, "tau2_del", c.tau2Deleted());
            JsonReport.num(o, "qe_del", c.qeDeleted());
            JsonReport.num(o, "hat", c.hat());
            JsonReport.num(o, "weight", c.weight());
            JsonReport.num(o, "dfbetas", c.dfbetas());
            o.put("influential", c.influential());
            JsonReport.num(o, "baujat_x", c.baujatX());
            JsonReport.num(o, "baujat_y", c.baujatY());
            double[] v = values(d.studies().get(i));
            for (int j = 0; j < v.length; j++) {
                JsonReport.num(o, COLUMNS.get(13 + j), v[j]);
            }
        }
        return root;
    }
}

package org.strokemeta.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.Meta;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Studies;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;
import org.strokemeta.subgroup.SubgroupResult;

/**
 * Writes a meta-analysis of two-arm study data as a RevMan 5 review (.rm5), the file RevMan 5 opens and RevMan Web
 * imports: one comparison whose outcome holds every study's data (dichotomous: events and totals; continuous: means,
 * standard deviations and sizes), in subgroups when the analysis has them, with one outcome per analysis of a batch.
 *
 * <p>The file follows the layout RevMan 5 itself writes (the element and attribute names of a review saved by RevMan
 * 5.0.23). RevMan computes with fixed settings, so the analysis is re-run as RevMan runs it and the file stores those
 * results beside the data, as RevMan stores its own: the measure (OR, RR, RD, Peto OR, MD, SMD), a fixed effect by
 * Mantel-Haenszel, inverse variance or Peto, or random effects by DerSimonian-Laird with a Wald interval, at 90, 95 or
 * 99%; studies with no events (or only events) in both arms are "not estimable" for ratios, as in RevMan. Each setting
 * of the request that RevMan cannot reproduce is named in {@link Result#notes()}.
 */
public final class RevManExport {
    private RevManExport() {
    }

    /** The layout version of RevMan 5 the file follows. */
    public static final String LAYOUT_VERSION = "5.0.23";

    /**
     * The names the review shows.
     *
     * @param title        the review's title
     * @param comparison   the comparison's name
     * @param outcome      the outcome's name (for a batch, each group's value is its outcome's name)
     * @param experimental the experimental group's label
     * @param control      the control group's label
     */
    public record Labels(String title, String comparison, String outcome, String experimental, String control) {
        /**
         * Fills blank names with RevMan's placeholders.
         *
         * @param title        the review's title
         * @param comparison   the comparison's name
         * @param outcome      the outcome's name
         * @param experimental the experimental group's label
         * @param control      the control group's label
         */
        public Labels {
            title = blank(title) ? "Meta-analysis" : title.trim();
            comparison = blank(comparison) ? "Experimental versus control" : comparison.trim();
            outcome = blank(outcome) ? "Outcome" : outcome.trim();
            experimental = blank(experimental) ? "Experimental" : experimental.trim();
            control = blank(control) ? "Control" : control.trim();
        }

        /**
         * Placeholders for every name.
         *
         * @return labels with RevMan's placeholder names
         */
        public static Labels defaults() {
            return new Labels(null, null, null, null, null);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * The written review.
     *
     * @param xml      the review (XML, UTF-8)
     * @param analyses the analyses the file stores, computed as RevMan computes them (one per outcome)
     * @param notes    the settings of the request RevMan cannot reproduce, and outcomes left out with the reason
     */
    public record Result(byte[] xml, List<MetaRun.Outcome> analyses, List<String> notes) {
        /**
         * Copies the lists.
         *
         * @param xml      the review (XML, UTF-8)
         * @param analyses the analyses the file stores
         * @param notes    what RevMan cannot reproduce, and outcomes left out
         */
        public Result {
            analyses = List.copyOf(analyses);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The request RevMan's settings give for a request: its measure, fixed effect by its fixed-effect method, or random
     * effects by DerSimonian-Laird with a Wald interval, double-zero studies not estimable for ratios.
     *
     * @param t the study data (dichotomous or continuous)
     * @param r the request
     * @param notes receives a line for every setting RevMan cannot reproduce
     * @return the request as RevMan runs it
     * @throws InputException when the data are not two-arm dichotomous or continuous data, or the measure or level is
     *         one RevMan does not offer
     */
    public static MetaRequest revmanRequest(Table t, MetaRequest r, List<String> notes) {
        DataKind kind = DataKind.of(t);
        if (kind != DataKind.BINARY && kind != DataKind.CONTINUOUS) {
            throw InputException.of(t.source(), "a RevMan review stores dichotomous data (events_treat, total_treat, events_ctrl, total_ctrl) "
                    + "or continuous data (mean, sd and n of each arm); these are " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " data. Generic inverse-variance data are entered in RevMan itself");
        }
        Measure m = r.measure() != null ? r.measure() : kind == DataKind.BINARY ? Measure.OR : Measure.MD;
        List<Measure> offered = kind == DataKind.BINARY ? List.of(Measure.OR, Measure.RR, Measure.RD, Measure.PETO)
                : List.of(Measure.MD, Measure.SMD);
        if (!offered.contains(m)) {
            throw InputException.of(t.source(), "RevMan offers " + offered + " for " + (kind == DataKind.BINARY ? "dichotomous" : "continuous")
                    + " data, not " + m);
        }
        MetaOptions o = r.options();
        double level = o.level();
        if (Math.abs(level - 0.90) > 1e-12 && Math.abs(level - 0.95) > 1e-12 && Math.abs(level - 0.99) > 1e-12) {
            throw InputException.of(t.source(), "RevMan's confidence intervals are 90, 95 or 99%, not " + level * 100 + "%");
        }
        FixedMethod fm = m == Measure.PETO ? FixedMethod.PETO : o.fixedMethod();
        if (kind == DataKind.CONTINUOUS && fm != FixedMethod.IV) {
            notes.add("continuous outcomes are pooled by inverse variance in RevMan, not " + fm.label());
            fm = FixedMethod.IV;
        }
        if (m != Measure.PETO && fm == FixedMethod.PETO) {
            notes.add("Peto's method goes with the Peto odds ratio in RevMan: the fixed effect is pooled by inverse variance");
            fm = FixedMethod.IV;
        }
        Model model = o.model();
        if (m == Measure.PETO && model == Model.RANDOM) {
            notes.add("RevMan pools Peto odds ratios with a fixed effect only: the file stores the fixed-effect analysis");
            model = Model.FIXED;
        }
        if (model == Model.RANDOM && o.tau2Method() != Tau2Method.DL) {
            notes.add("tau² by " + o.tau2Method() + " in the request; RevMan 5 estimates it by DerSimonian-Laird, which the file stores");
        }
        if (o.ciMethod() != CiMethod.Z) {
            notes.add("the Hartung-Knapp interval of the request is not RevMan 5's: the file stores the Wald interval");
        }
        if (!Double.isNaN(o.tau2Fixed()) || o.weights() != null || !o.weighted()) {
            notes.add("a fixed tau², user weights or an unweighted fit are not RevMan settings: the file stores RevMan's analysis");
        }
        if (!r.moderators().isEmpty()) {
            notes.add("RevMan has no meta-regression: the moderators are left out of the file");
        }
        Continuity cc = r.continuity();
        if (kind == DataKind.BINARY && (cc.add() != 0.5 || cc.to() != Continuity.To.ONLY0)) {
            notes.add("RevMan adds 0.5 to the cells of studies with a zero cell; the request's correction is not used in the file");
        }
        boolean ratio = m != Measure.RD;
        Continuity revmanCc = kind == DataKind.BINARY ? new Continuity(0.5, Continuity.To.ONLY0, ratio) : cc;
        MetaOptions ro = new MetaOptions(model, fm, Tau2Method.DL, CiMethod.Z, level, o.control());
        return r.withMeasure(m).withContinuity(revmanCc).withOptions(ro).withModerators(List.of()).withTau2Ci(false);
    }

    /**
     * Analyses the study data as RevMan does and writes the review.
     *
     * @param t      the study data: dichotomous or continuous, one row per study (a batch column gives one outcome per group)
     * @param r      the request (its measure, model, level, subgroup column and batch column are used; see the class)
     * @param labels the names the review shows
     * @return the review, the analyses it stores and what RevMan could not reproduce
     * @throws InputException when the data cannot be written as a RevMan review, or cannot be analysed
     */
    public static Result write(Table t, MetaRequest r, Labels labels) {
        List<String> notes = new ArrayList<>();
        MetaRequest rr = revmanRequest(t, r, notes);
        List<MetaRun.Outcome> outcomes = Meta.analyze(t, rr);
        Map<String, String> studyIds = new LinkedHashMap<>();
        Map<String, String> years = new HashMap<>();
        Map<Integer, Integer> rowOfLine = new HashMap<>();
        for (int i = 0; i < t.rows(); i++) {
            rowOfLine.put(t.line(i), i);
        }
        StringBuilder analyses = new StringBuilder();
        List<MetaRun.Outcome> written = new ArrayList<>();
        int no = 0;
        for (MetaRun.Outcome o : outcomes) {
            if (o.failed()) {
                notes.add("outcome '" + o.group() + "' is left out of the file: " + o.error());
                continue;
            }
            no++;
            written.add(o);
            String name = o.group() != null ? o.group() : labels.outcome();
            outcome(analyses, no, name, labels, t, o, studyIds, years, rowOfLine);
        }
        if (written.isEmpty()) {
            throw InputException.of(t.source(), "no analysis could be written to the RevMan review: " + String.join("; ", notes));
        }
        StringBuilder studies = new StringBuilder();
        StringBuilder chars = new StringBuilder();
        for (Map.Entry<String, String> e : studyIds.entrySet()) {
            studies.append("<STUDY DATA_SOURCE=\"PUB\" ID=\"").append(e.getValue()).append("\" NAME=\"").append(esc(e.getKey()))
                    .append("\" YEAR=\"").append(esc(years.getOrDefault(e.getKey(), ""))).append("\">\n")
                    .append("<REFERENCE PRIMARY=\"NO\" TYPE=\"JOURNAL_ARTICLE\">\n<IDENTIFIERS/>\n"
                            + "</REFERENCE>\n<IDENTIFIERS/>\n</STUDY>\n");
            chars.append("<INCLUDED_CHAR STUDY_ID=\"").append(e.getValue())
                    .append("\">\n<CHAR_METHODS/>\n<CHAR_PARTICIPANTS/>\n<CHAR_INTERVENTIONS/>\n<CHAR_OUTCOMES/>\n<CHAR_NOTES/>\n</INCLUDED_CHAR>\n");
        }
        StringBuilder data = new StringBuilder();
        data.append("<ANALYSES_AND_DATA CALCULATED_DATA=\"YES\">\n<COMPARISON ID=\"CMP-001\" NO=\"1\">\n<NAME>").append(esc(labels.comparison()))
                .append("</NAME>\n").append(analyses).append("</COMPARISON>\n</ANALYSES_AND_DATA>");
        String review = template()
                .replace("{{ID}}", Long.toUnsignedString(fingerprint(data.toString())))
                .replace("{{VERSION}}", LAYOUT_VERSION)
                .replace("{{TITLE}}", esc(labels.title()))
                .replace("{{STUDIES}}\n", studies.toString())
                .replace("{{CHARACTERISTICS}}\n", chars.toString())
                .replace("{{ANALYSES}}", data.toString());
        return new Result(review.getBytes(StandardCharsets.UTF_8), written, notes);
    }

    private static void outcome(StringBuilder out, int no, String name, Labels labels, Table t, MetaRun.Outcome o,
                                Map<String, String> studyIds, Map<String, String> years, Map<Integer, Integer> rowOfLine) {
        EffectSizes es = o.effects();
        MetaResult res = o.result();
        Studies in = es.input();
        boolean dich = in instanceof BinaryStudies;
        Measure m = es.measure();
        boolean ratio = m == Measure.OR || m == Measure.RR || m == Measure.PETO;
        String tag = dich ? "DICH" : "CONT";
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + res.options().level() / 2);
        int[] included = new int[in.size()];
        java.util.Arrays.fill(included, -1);
        for (int j = 0; j < es.study().length; j++) {
            included[es.rows()[j]] = j;
        }
        SubgroupResult sg = o.subgroups();
        String[] group = new String[in.size()];
        List<String> groups = new ArrayList<>();
        if (sg != null) {
            for (int i = 0; i < in.size(); i++) {
                Integer row = rowOfLine.get(in.lines(i));
                group[i] = row == null ? "" : t.text(row, sg.column());
                group[i] = group[i] == null ? "" : group[i].trim();
                if (!groups.contains(group[i])) {
                    groups.add(group[i]);
                }
            }
        }
        for (int i = 0; i < in.size(); i++) {
            String s = in.study(i);
            studyIds.computeIfAbsent(s, RevManExport::studyId);
            Integer row = rowOfLine.get(in.lines(i));
            if (row != null && t.has("year") && !t.isBlank(row, "year")) {
                years.putIfAbsent(s, t.text(row, "year").trim());
            }
        }
        Map<String, String> a = new LinkedHashMap<>();
        pooled(a, res, ratio, in, null, group);
        a.put("CI_STUDY", pct(res.options().level()));
        a.put("CI_TOTAL", pct(res.options().level()));
        a.put("EFFECT_MEASURE", m == Measure.PETO ? "PETO_OR" : m.name());
        a.put("ID", String.format(Locale.ROOT, "CMP-001.%02d", no));
        if (dich) {
            // random effects: DerSimonian-Laird from the inverse-variance Q, which is RevMan's "IV, Random"
            a.put("METHOD", res.options().model() == Model.RANDOM ? "IV" : fixedName(res));
        }
        a.put("NO", Integer.toString(no));
        boolean between = sg != null && sg.between() != null;
        a.put("I2_Q", between ? num(Math.max(0, 100 * (sg.between().statistic() - sg.between().df1()) / sg.between().statistic())) : "0.0");
        a.put("P_Q", between ? num(sg.between().p()) : "0.0");
        a.put("Q", between ? num(sg.between().statistic()) : "0.0");
        a.put("RANDOM", res.options().model() == Model.RANDOM ? "YES" : "NO");
        a.put("SCALE", dich && !ratio ? "1.0" : "100.0");
        a.put("SORT_BY", "USER");
        a.put("SUBGROUPS", sg != null ? "YES" : "NO");
        a.put("SUBGROUP_TEST", "YES");
        if (dich) {
            a.put("SWAP_EVENTS", "NO");
        }
        a.put("TOTALS", "YES");
        if (!dich) {
            a.put("UNITS", "");
        }
        out.append('<').append(tag).append("_OUTCOME").append(attrs(a)).append(">\n")
                .append("<NAME>").append(esc(name)).append("</NAME>\n")
                .append("<GROUP_LABEL_1>").append(esc(labels.experimental())).append("</GROUP_LABEL_1>\n")
                .append("<GROUP_LABEL_2>").append(esc(labels.control())).append("</GROUP_LABEL_2>\n")
                .append("<GRAPH_LABEL_1>Favours ").append(esc(labels.experimental().toLowerCase(Locale.ROOT))).append("</GRAPH_LABEL_1>\n")
                .append("<GRAPH_LABEL_2>Favours ").append(esc(labels.control().toLowerCase(Locale.ROOT))).append("</GRAPH_LABEL_2>\n");
        int[] order = {0};
        if (sg == null) {
            for (int i = 0; i < in.size(); i++) {
                study(out, tag, in, i, included[i], es, res, ratio, z, studyIds, ++order[0]);
            }
        } else {
            int gno = 0;
            for (String g : groups) {
                gno++;
                SubgroupResult.Group grp = sg.group(g);
                Map<String, String> ga = new LinkedHashMap<>();
                if (grp != null) {
                    pooled(ga, grp.result(), ratio, in, g, group);
                    double w = 0;
                    for (int p : grp.positions()) {
                        w += res.weights(p);
                    }
                    ga.put("WEIGHT", num(w));
                } else {
                    subgroupWithoutEstimate(ga, in, group, g);
                }
                ga.put("ID", String.format(Locale.ROOT, "CMP-001.%02d.%02d", no, gno));
                ga.put("NO", Integer.toString(gno));
                out.append('<').append(tag).append("_SUBGROUP").append(attrs(ga)).append(">\n<NAME>").append(esc(g)).append("</NAME>\n");
                for (int i = 0; i < in.size(); i++) {
                    if (group[i].equals(g)) {
                        study(out, tag, in, i, included[i], es, res, ratio, z, studyIds, ++order[0]);
                    }
                }
                out.append("</").append(tag).append("_SUBGROUP>\n");
            }
        }
        out.append("</").append(tag).append("_OUTCOME>\n");
    }

    private static String fixedName(MetaResult res) {
        return switch (res.options().fixedMethod()) {
            case MH -> "MH";
            case PETO -> "PETO";
            default -> "IV";
        };
    }

    /** The pooled attributes of an outcome or subgroup (for a subgroup, only the studies of group {@code g}). */
    private static void pooled(Map<String, String> a, MetaResult res, boolean ratio, Studies in, String g,
                               String[] group) {
        double est = res.pooled().estimate();
        double lo = res.pooled().ciLower();
        double hi = res.pooled().ciUpper();
        a.put("CHI2", num(res.heterogeneity().q()));
        a.put("CI_END", num(ratio ? Math.exp(hi) : hi));
        a.put("CI_START", num(ratio ? Math.exp(lo) : lo));
        a.put("DF", Integer.toString(res.heterogeneity().qDf()));
        a.put("EFFECT_SIZE", num(ratio ? Math.exp(est) : est));
        a.put("ESTIMABLE", "YES");
        double[] totals = totals(in, g, group);
        if (in instanceof BinaryStudies) {
            a.put("EVENTS_1", whole(totals[0]));
            a.put("EVENTS_2", whole(totals[2]));
        }
        a.put("I2", num(res.heterogeneity().i2()));
        if (ratio) {
            a.put("LOG_CI_END", num(hi / Math.log(10)));
            a.put("LOG_CI_START", num(lo / Math.log(10)));
            a.put("LOG_EFFECT_SIZE", num(est / Math.log(10)));
        }
        a.put("P_CHI2", num(res.heterogeneity().qP()));
        a.put("P_Z", num(res.pooled().p()));
        a.put("STUDIES", Integer.toString(count(in, g, group)));
        a.put("TAU2", num(res.options().model() == Model.RANDOM ? res.heterogeneity().tau2() : 0));
        a.put("TOTAL_1", whole(totals[1]));
        a.put("TOTAL_2", whole(totals[3]));
        a.put("WEIGHT", "100.0");
        a.put("Z", num(Math.abs(res.pooled().statistic())));
    }

    private static void subgroupWithoutEstimate(Map<String, String> a, Studies in, String[] group, String g) {
        double[] totals = totals(in, g, group);
        for (String k : List.of("CHI2", "CI_END", "CI_START", "EFFECT_SIZE", "I2", "P_CHI2", "P_Z", "TAU2", "Z")) {
            a.put(k, "");
        }
        a.put("DF", "0");
        a.put("ESTIMABLE", "NO");
        if (in instanceof BinaryStudies) {
            a.put("EVENTS_1", whole(totals[0]));
            a.put("EVENTS_2", whole(totals[2]));
        }
        a.put("STUDIES", Integer.toString(count(in, g, group)));
        a.put("TOTAL_1", whole(totals[1]));
        a.put("TOTAL_2", whole(totals[3]));
        a.put("WEIGHT", "0.0");
    }

    private static int count(Studies in, String g, String[] group) {
        int n = 0;
        for (int i = 0; i < in.size(); i++) {
            if (g == null || group[i].equals(g)) {
                n++;
            }
        }
        return n;
    }

    /** Events and totals of each arm (events stay 0 for continuous data). */
    private static double[] totals(Studies in, String g, String[] group) {
        double[] t = new double[4];
        for (int i = 0; i < in.size(); i++) {
            if (g != null && !group[i].equals(g)) {
                continue;
            }
            if (in instanceof BinaryStudies b) {
                t[0] += b.eventsTreat(i);
                t[1] += b.totalTreat(i);
                t[2] += b.eventsCtrl(i);
                t[3] += b.totalCtrl(i);
            } else if (in instanceof ContinuousStudies c) {
                t[1] += c.nTreat(i);
                t[3] += c.nCtrl(i);
            }
        }
        return t;
    }

    private static void study(StringBuilder out, String tag, Studies in, int i, int j, EffectSizes es, MetaResult res, boolean ratio, double z,
                              Map<String, String> studyIds, int order) {
        Map<String, String> a = new LinkedHashMap<>();
        if (j >= 0) {
            double y = es.yi()[j];
            double se = Math.sqrt(es.vi()[j]);
            a.put("CI_END", num(ratio ? Math.exp(y + z * se) : y + z * se));
            a.put("CI_START", num(ratio ? Math.exp(y - z * se) : y - z * se));
            a.put("EFFECT_SIZE", num(ratio ? Math.exp(y) : y));
            a.put("ESTIMABLE", "YES");
        } else {
            a.put("CI_END", "");
            a.put("CI_START", "");
            a.put("EFFECT_SIZE", "");
            a.put("ESTIMABLE", "NO");
        }
        if (in instanceof BinaryStudies b) {
            a.put("EVENTS_1", whole(b.eventsTreat(i)));
            a.put("EVENTS_2", whole(b.eventsCtrl(i)));
            if (ratio) {
                double y = j >= 0 ? es.yi()[j] : Double.NaN;
                double se = j >= 0 ? Math.sqrt(es.vi()[j]) : Double.NaN;
                a.put("LOG_CI_END", num((y + z * se) / Math.log(10)));
                a.put("LOG_CI_START", num((y - z * se) / Math.log(10)));
                a.put("LOG_EFFECT_SIZE", num(y / Math.log(10)));
            }
        } else if (in instanceof ContinuousStudies c) {
            a.put("MEAN_1", num(c.meanTreat(i)));
            a.put("MEAN_2", num(c.meanCtrl(i)));
        }
        a.put("ORDER", Integer.toString(order));
        if (in instanceof BinaryStudies) {
            a.put("O_E", "0.0");
        }
        if (in instanceof ContinuousStudies c) {
            a.put("SD_1", num(c.sdTreat(i)));
            a.put("SD_2", num(c.sdCtrl(i)));
        }
        a.put("SE", j >= 0 ? num(Math.sqrt(es.vi()[j])) : "");
        a.put("STUDY_ID", studyIds.get(in.study(i)));
        if (in instanceof BinaryStudies b) {
            a.put("TOTAL_1", whole(b.totalTreat(i)));
            a.put("TOTAL_2", whole(b.totalCtrl(i)));
            a.put("VAR", j >= 0 ? num(es.vi()[j]) : "");
        } else if (in instanceof ContinuousStudies c) {
            a.put("TOTAL_1", whole(c.nTreat(i)));
            a.put("TOTAL_2", whole(c.nCtrl(i)));
        }
        a.put("WEIGHT", j >= 0 ? num(res.weights(j)) : "0.0");
        out.append('<').append(tag).append("_DATA").append(attrs(a)).append("/>\n");
    }

    /**
     * RevMan's study identifier: "STD-" and the name with every character other than a letter, digit or underscore
     * written as {@code _xHHHH_} (as RevMan writes "ISIS-2" as {@code STD-ISIS_x002d_2}).
     *
     * @param name the study's name
     * @return its identifier
     */
    static String studyId(String name) {
        StringBuilder b = new StringBuilder("STD-");
        name.codePoints().forEach(cp -> {
            if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_')) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format(Locale.ROOT, "_x%04x_", cp));
            }
        });
        return b.toString();
    }

    /** Attributes in alphabetical order, as RevMan writes them. */
    private static String attrs(Map<String, String> a) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(a).entrySet()) {
            b.append(' ').append(e.getKey()).append("=\"").append(esc(e.getValue())).append('"');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String whole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : num(v);
    }

    private static String pct(double level) {
        return Long.toString(Math.round(level * 100));
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> {
                    if (c >= 0x20) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static long fingerprint(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h & Long.MAX_VALUE;
    }

    private static String template() {
        try (InputStream in = RevManExport.class.getResourceAsStream("revman5-review.xml")) {
            if (in == null) {
                throw new IllegalStateException("the RevMan review template is missing from the library");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the RevMan review template cannot be read", e);
        }
    }
}

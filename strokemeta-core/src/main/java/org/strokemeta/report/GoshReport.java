package org.strokemeta.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.sensitivity.Gosh;

/**
 * Output of a GOSH analysis: a summary for people (the spread of the subsets' estimates and I², and each
 * study's pull on them), every subset as CSV (metafor's {@code res} beside its {@code incl} matrix), or JSON,
 * written as a stream so that a million subsets do not build a document tree in memory.
 */
public final class GoshReport {
    /** The schema identifier of GOSH analyses. */
    public static final String SCHEMA = "strokemeta.gosh/1";

    private GoshReport() {
    }

    /**
     * The summary: how many subsets were fitted and how, the quantiles of the estimates, I², tau² and Q, and
     * for each study the mean estimate and I² of the subsets with it and without it.
     *
     * @param g the analysis
     * @return the text
     */
    public static String text(Gosh g) {
        MetaResult full = g.full();
        Measure m = full.effects().measure();
        int n = g.size();
        int k = g.studies().size();
        StringBuilder sb = new StringBuilder();
        sb.append("GOSH analysis: ").append(m.description()).append(", ").append(full.method()).append('\n');
        sb.append(k).append(" studies: ").append(n).append(g.exact() ? " subsets, every one" : " of the " + Fmt.g(g.possible())
                + " subsets, drawn at random (seed " + g.seed() + ")").append('\n');
        sb.append(Fmt.pad("", 12)).append(Fmt.right("min", 11)).append(Fmt.right("2.5%", 11)).append(Fmt.right("median", 11))
                .append(Fmt.right("97.5%", 11)).append(Fmt.right("max", 11)).append(Fmt.right("all studies", 13)).append('\n');
        quantiles(sb, "estimate", g.estimate(), full.pooled().estimate());
        quantiles(sb, "I2 (%)", g.i2(), full.heterogeneity().i2());
        if (full.options().model() == Model.RANDOM) {
            quantiles(sb, "tau2", g.tau2(), full.heterogeneity().tau2());
        }
        quantiles(sb, "Q", g.q(), full.heterogeneity().q());
        sb.append("\nMean over the subsets with and without each study (estimates on the analysis scale):\n");
        int lw = 24;
        for (String s : g.studies()) {
            lw = Math.max(lw, Math.min(40, s.length() + 2));
        }
        sb.append(Fmt.pad("Study", lw)).append(Fmt.right("estimate with", 15)).append(Fmt.right("without", 11)).append(Fmt.right("I2 with", 10))
                .append(Fmt.right("without", 10)).append('\n');
        double[] sumIn = new double[k];
        double[] sumOut = new double[k];
        double[] i2In = new double[k];
        double[] i2Out = new double[k];
        int[] nIn = new int[k];
        int[] nOut = new int[k];
        for (int s = 0; s < n; s++) {
            double e = g.estimate(s);
            double i = g.i2(s);
            if (Double.isNaN(e)) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                if (g.includes(s, j)) {
                    sumIn[j] += e;
                    i2In[j] += i;
                    nIn[j]++;
                } else {
                    sumOut[j] += e;
                    i2Out[j] += i;
                    nOut[j]++;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            String name = g.studies().get(j);
            sb.append(Fmt.pad(name.length() > lw - 2 ? name.substring(0, lw - 3) + "…" : name, lw))
                    .append(Fmt.right(Fmt.f(sumIn[j] / nIn[j], 4), 15)).append(Fmt.right(Fmt.f(sumOut[j] / nOut[j], 4), 11))
                    .append(Fmt.right(Fmt.f(i2In[j] / nIn[j], 1), 10)).append(Fmt.right(Fmt.f(i2Out[j] / nOut[j], 1), 10)).append('\n');
        }
        if (g.failed() > 0) {
            sb.append("\nThe fits of ").append(g.failed()).append(g.failed() == 1 ? " subset" : " subsets")
                    .append(" did not converge: left out of the summaries (null in JSON, blank in CSV).\n");
        }
        return sb.toString();
    }

    private static void quantiles(StringBuilder sb, String label, double[] v, double all) {
        double[] x = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        sb.append(Fmt.pad(label, 12));
        if (x.length == 0) {
            sb.append('\n');
            return;
        }
        for (double p : new double[] {0, 0.025, 0.5, 0.975, 1}) {
            sb.append(Fmt.right(Fmt.g(quantile(x, p)), 11));
        }
        sb.append(Fmt.right(Fmt.g(all), 13)).append('\n');
    }

    /** R's default quantile (type 7) of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Every subset as CSV: {@code k, estimate, q, i2, h2, tau2}, then one column per study (its name) with 1
     * when the subset holds it and 0 otherwise; a fit that did not converge has blank values.
     *
     * @param g the analysis
     * @param w where it goes (not closed)
     * @throws IOException if the writer fails
     */
    public static void csv(Gosh g, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("k,estimate,q,i2,h2,tau2");
        for (String s : g.studies()) {
            sb.append(',').append(CsvReport.quote(s));
        }
        sb.append('\n');
        int k = g.studies().size();
        for (int s = 0; s < g.size(); s++) {
            sb.append(g.k(s)).append(',').append(CsvReport.number(g.estimate(s))).append(',').append(CsvReport.number(g.q(s))).append(',')
                    .append(CsvReport.number(g.i2(s))).append(',').append(CsvReport.number(g.h2(s))).append(',').append(CsvReport.number(g.tau2(s)));
            for (int j = 0; j < k; j++) {
                sb.append(g.includes(s, j) ? ",1" : ",0");
            }
            sb.append('\n');
            if (sb.length() > 1 << 15) {
                w.write(sb.toString());
                sb.setLength(0);
            }
        }
        w.write(sb.toString());
    }

    /**
     * The JSON document: {@code schema}, {@code version}, {@code source}, {@code measure}, {@code options},
     * {@code studies} (names, in data order), {@code exact}, {@code possible} (2^k − 1), {@code seed} (random
     * subsets only), {@code failed}, {@code all_studies} (the model of all the studies) and {@code subsets}:
     * one object per subset with {@code k}, {@code estimate}, {@code q}, {@code i2}, {@code h2}, {@code tau2}
     * (null when the fit did not converge) and {@code studies}, the 1-based positions of its studies in
     * {@code studies}.
     *
     * @param source the name of the input file
     * @param g      the analysis
     * @param w      where it goes (not closed)
     * @throws IOException if the writer fails
     */
    public static void json(String source, Gosh g, Writer w) throws IOException {
        MetaResult full = g.full();
        com.fasterxml.jackson.databind.node.ObjectNode head = JsonReport.mapper().createObjectNode();
        JsonReport.options(head, full.options());
        try (JsonGenerator j = JsonReport.mapper().getFactory().createGenerator(w)) {
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            j.writeStartObject();
            j.writeStringField("schema", SCHEMA);
            j.writeStringField("version", Version.get());
            j.writeStringField("source", source);
            j.writeStringField("measure", full.effects().measure().name());
            j.writeFieldName("options");
            j.writeTree(head);
            j.writeArrayFieldStart("studies");
            for (String s : g.studies()) {
                j.writeString(s);
            }
            j.writeEndArray();
            j.writeBooleanField("exact", g.exact());
            j.writeNumberField("possible", g.possible());
            if (!g.exact()) {
                j.writeNumberField("seed", g.seed());
            }
            j.writeNumberField("failed", g.failed());
            j.writeFieldName("all_studies");
            j.writeTree(JsonReport.result(full));
            j.writeArrayFieldStart("subsets");
            int k = g.studies().size();
            for (int s = 0; s < g.size(); s++) {
                j.writeStartObject();
                j.writeNumberField("k", g.k(s));
                number(j, "estimate", g.estimate(s));
                number(j, "q", g.q(s));
                number(j, "i2", g.i2(s));
                number(j, "h2", g.h2(s));
                number(j, "tau2", g.tau2(s));
                j.writeArrayFieldStart("studies");
                for (int i = 0; i < k; i++) {
                    if (g.includes(s, i)) {
                        j.writeNumber(i + 1);
                    }
                }
                j.writeEndArray();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        w.write('\n');
    }

    private static void number(JsonGenerator j, String key, double v) throws IOException {
        if (Double.isFinite(v)) {
            j.writeNumberField(key, v);
        } else {
            j.writeNullField(key);
        }
    }
}

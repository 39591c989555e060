package org.strokemeta.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.strokemeta.data.InputException;
import org.strokemeta.ipd.RandomEffects;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.Tau2Method;

/**
 * A pre-specified statistical analysis plan for a pooled thrombectomy-trial analysis, as a JSON file:
 * outcomes, adjustment covariates, models, subgroups and options, so that the whole report follows
 * from it. The default plan ({@link #hermes()}, {@code plans/hermes.json} in the resources) is
 * HERMES's (Goyal et al., Lancet 2016): the ordinal shift adjusted for age, sex, NIHSS, occlusion site,
 * intravenous alteplase, ASPECTS and onset-to-randomisation time in a mixed model with random trial
 * effects; mRS 0-2, mRS 0-1, death and symptomatic ICH as secondary outcomes; subgroups by occlusion
 * site and patient characteristics; the M2 analysis of Menon et al. (J NeuroInterv Surg 2019).
 *
 * @param title          the report's title
 * @param covariates     adjustment covariates (names of the data dictionary's derived covariates)
 * @param randomEffects  the random trial effects of the primary mixed model
 * @param nAGQ           quadrature points of the mixed models (1 = Laplace)
 * @param merge          outcome categories merged for the ordinal analysis (for example mRS 5-6), or null
 * @param binary         secondary binary outcomes: 0-2, 0-1, death, sich
 * @param binaryModel    trial effect of the binary models (random intercept or stratified)
 * @param tau2           the tau² estimator of the per-trial (two-stage) pooling
 * @param ci             its interval method
 * @param subgroups      subgroup analyses, in order
 * @param m2             include the M2 section (M2 occlusions and their subdivisions)
 * @param level          confidence level
 * @param skipMissing    true when covariates, subgroup variables and outcomes the data lack may be left
 *                       out (with a warning); false (the default) makes them an input error, since a
 *                       pre-specified analysis must not change silently (a misspelt covariate would
 *                       otherwise drop an adjustment)
 * @param bayes          the Bayesian random-effects analysis of the trials' adjusted common odds ratios (two-stage), or
 *                       null for none; a null tau prior takes Turner et al.'s prior for a dichotomised functioning
 *                       outcome of a non-pharmacological intervention against control
 * @param sequential     the trial sequential analysis of the trials' adjusted common odds ratios, or null for none
 * @serial exclude
 */
public record AnalysisPlan(String title, List<String> covariates, RandomEffects randomEffects, int nAGQ, CategoryMerge merge,
                           List<String> binary, StudyEffect binaryModel, Tau2Method tau2, CiMethod ci, List<Subgroup> subgroups,
                           boolean m2, double level, boolean skipMissing, PublishedBayes.Request bayes, Sequential sequential)
        implements java.io.Serializable {
    private static final Set<String> KEYS = Set.of("title", "covariates", "random_effects", "nagq", "merge", "binary",
            "binary_model", "tau2", "ci", "subgroups", "m2_section", "level", "skip_missing", "bayes", "tsa", "comment");

    /**
     * A plan without the Bayesian and trial sequential analyses.
     *
     * @param title the report's title
     * @param covariates adjustment covariates
     * @param randomEffects the random trial effects of the primary mixed model
     * @param nAGQ quadrature points of the mixed models
     * @param merge outcome categories merged, or null
     * @param binary secondary binary outcomes
     * @param binaryModel trial effect of the binary models
     * @param tau2 the tau² estimator of the two-stage pooling
     * @param ci its interval method
     * @param subgroups subgroup analyses
     * @param m2 include the M2 section
     * @param level confidence level
     * @param skipMissing leave out what the data lack
     */
    public AnalysisPlan(String title, List<String> covariates, RandomEffects randomEffects, int nAGQ, CategoryMerge merge,
                        List<String> binary, StudyEffect binaryModel, Tau2Method tau2, CiMethod ci, List<Subgroup> subgroups,
                        boolean m2, double level, boolean skipMissing) {
        this(title, covariates, randomEffects, nAGQ, merge, binary, binaryModel, tau2, ci, subgroups, m2, level, skipMissing, null, null);
    }

    /**
     * The trial sequential analysis of the report: the trials' adjusted common odds ratios (two-stage) as the z-curve, each
     * trial's patients as its information, Whitehead's information size for the anticipated common odds ratio on the
     * pooled control arms.
     *
     * @param cor           the anticipated common odds ratio (above 1: better outcomes with treatment)
     * @param alpha         the two-sided type I error
     * @param power         the power
     * @param heterogeneity the correction of the information size
     * @param i2            the stated I² in percent (with {@code I2})
     * @param futility      whether to add beta-spending futility boundaries
     * @param spending      the Lan-DeMets spending function
     * @param order         the trials in the order they reported, or empty for the order of the data
     * @serial exclude
     */
    public record Sequential(double cor, double alpha, double power, org.strokemeta.sequential.TsaOptions.Heterogeneity heterogeneity,
                             double i2, boolean futility, org.strokemeta.sequential.Spending spending, List<String> order)
            implements java.io.Serializable {
        /**
         * Copies the order.
         *
         * @param cor           the anticipated common odds ratio
         * @param alpha         the type I error
         * @param power         the power
         * @param heterogeneity the correction
         * @param i2            the stated I²
         * @param futility      futility boundaries
         * @param spending      the spending function
         * @param order         the trials' order, or empty
         */
        public Sequential {
            order = List.copyOf(order);
            if (!(cor > 0 && cor != 1 && Double.isFinite(cor))) {
                throw new IllegalArgumentException("tsa.cor, the anticipated common odds ratio, must be positive and not 1, not " + cor);
            }
        }
    }

    /**
     * Copies the lists and checks the level.
     *
     * @param title the report's title
     * @param covariates adjustment covariates (names of the data dictionary's derived covariates)
     * @param randomEffects the random trial effects of the primary mixed model
     * @param nAGQ quadrature points of the mixed models (1 = Laplace)
     * @param merge outcome categories merged for the ordinal analysis (for example mRS 5-6), or null
     * @param binary secondary binary outcomes: 0-2, 0-1, death, sich
     * @param binaryModel trial effect of the binary models (random intercept or stratified)
     * @param tau2 the tau² estimator of the per-trial (two-stage) pooling
     * @param ci its interval method
     * @param subgroups subgroup analyses, in order
     * @param m2 include the M2 section (M2 occlusions and their subdivisions)
     * @param level confidence level
     * @param skipMissing true when covariates, subgroup variables and outcomes the data lack may be left
     *                              out (with a warning); false (the default) makes them an input error, since a
     *                              pre-specified analysis must not change silently (a misspelt covariate would
     *                              otherwise drop an adjustment)
     * @param bayes the Bayesian analysis of the trials' adjusted common odds ratios, or null
     * @param sequential the trial sequential analysis of the same estimates, or null
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public AnalysisPlan {
        covariates = List.copyOf(covariates);
        binary = List.copyOf(binary);
        subgroups = List.copyOf(subgroups);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie between 0 and 1, not " + level);
        }
    }

    /**
     * A subgroup analysis: a variable and how it is split.
     *
     * @param label    the heading shown
     * @param variable a covariate of the data dictionary (derived name, e.g. age, female, occlusion_site)
     * @param cuts     for a numeric variable, the boundaries between groups, increasing: [80] gives the
     *                 groups &lt; 80 and ≥ 80, [16, 21] gives &lt; 16, 16 to &lt; 21 and ≥ 21; empty for a
     *                 categorical or 0/1 variable, whose values are the groups
     * @serial exclude
     */
    public record Subgroup(String label, String variable, List<Double> cuts) implements java.io.Serializable {
        /**
         * Checks that the cut-points increase and copies them (see the record's components).
         *
         * @param label    the heading shown
         * @param variable a covariate of the data dictionary (derived name, e.g. age, female, occlusion_site)
         * @param cuts     for a numeric variable, the boundaries between groups, strictly increasing; empty for a
         *                 categorical or 0/1 variable, whose values are the groups
         * @throws IllegalArgumentException when the cut-points do not strictly increase
         */
        public Subgroup {
            cuts = List.copyOf(cuts);
            for (int i = 1; i < cuts.size(); i++) {
                if (!(cuts.get(i) > cuts.get(i - 1))) {
                    throw new IllegalArgumentException("the cut-points of subgroup " + label + " must increase");
                }
            }
        }
    }

    /**
     * The same plan, with what the data lack left out (true) or an error (false).
     *
     * @param skip leave out what the data lack (true) or stop with an error (false)
     * @return this plan with {@code skipMissing = skip}
     */
    public AnalysisPlan withSkipMissing(boolean skip) {
        return new AnalysisPlan(title, covariates, randomEffects, nAGQ, merge, binary, binaryModel, tau2, ci, subgroups, m2, level, skip,
                bayes, sequential);
    }

    /**
     * The HERMES plan bundled with the product.
     *
     * @return the plan of plans/hermes.json
     */
    public static AnalysisPlan hermes() {
        return read("plans/hermes.json", resource("plans/hermes.json"));
    }

    /**
     * The default plan's text (for editing into a plan of one's own).
     *
     * @return the JSON text, UTF-8
     */
    public static byte[] hermesText() {
        return resource("plans/hermes.json");
    }

    /**
     * Reads a plan; keys it leaves out take the HERMES plan's values (an empty list means none); problems
     * are input errors naming the file and the key.
     *
     * @param source the plan's file name, for messages
     * @param json   the plan's JSON text, UTF-8
     * @return the plan
     * @throws InputException if the JSON is not valid or a key is unknown or wrong
     */
    public static AnalysisPlan read(String source, byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw InputException.of(source, "the plan is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw InputException.of(source, "the plan must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw InputException.of(source, "unknown key '" + k + "' in the plan (keys: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        // a key the plan leaves out takes the HERMES plan's value
        JsonNode dflt;
        try {
            dflt = new ObjectMapper().readTree(resource("plans/hermes.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged = ((com.fasterxml.jackson.databind.node.ObjectNode) dflt).deepCopy();
        merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) root);
        root = merged;
        try {
            List<Subgroup> subgroups = new ArrayList<>();
            for (JsonNode s : root.path("subgroups")) {
                List<Double> cuts = new ArrayList<>();
                for (JsonNode c : s.path("cuts")) {
                    cuts.add(c.asDouble());
                }
                subgroups.add(new Subgroup(text(s, "label", s.path("variable").asText()), required(source, s, "variable"), cuts));
            }
            String merge = text(root, "merge", "");
            CategoryMerge m = null;
            if (!merge.isBlank()) {
                String[] p = merge.split("-");
                m = new CategoryMerge(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
            return new AnalysisPlan(text(root, "title", "Pooled analysis of thrombectomy trials"), strings(root, "covariates"),
                    RandomEffects.parse(text(root, "random_effects", "intercept")), root.path("nagq").asInt(1), m,
                    strings(root, "binary"), StudyEffect.parse(text(root, "binary_model", "random_intercept")),
                    Tau2Method.parse(text(root, "tau2", "REML")), CiMethod.parse(text(root, "ci", "z")), subgroups,
                    root.path("m2_section").asBoolean(true), root.path("level").asDouble(0.95), bool(root, "skip_missing"),
                    bayes(source, root.path("bayes")), sequential(source, root.path("tsa")));
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, "the plan: " + e.getMessage());
        }
    }

    private static PublishedBayes.Request bayes(String source, JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw InputException.of(source, "the plan: bayes is an object such as {\"tau_prior\": \"turner\", \"prob_above\": [1, 1.2]}");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("tau_prior", "mu_prior", "prob_above").contains(k)) {
                throw InputException.of(source, "unknown key '" + k + "' in the plan's bayes (keys: mu_prior, prob_above, tau_prior)");
            }
        }
        String tau = text(n, "tau_prior", "turner");
        String mu = text(n, "mu_prior", "flat");
        try {
            org.strokemeta.bayes.MuPrior m = org.strokemeta.bayes.MuPrior.FLAT;
            if (!mu.equalsIgnoreCase("flat")) {
                String[] p = mu.split(":");
                if (p.length != 3 || !p[0].equalsIgnoreCase("normal")) {
                    throw new IllegalArgumentException("mu_prior is flat or normal:MEAN:SD, not '" + mu + "'");
                }
                m = org.strokemeta.bayes.MuPrior.normal(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            }
            List<Double> above = new ArrayList<>();
            for (JsonNode x : n.path("prob_above")) {
                if (!x.isNumber()) {
                    throw new IllegalArgumentException("prob_above holds ratios (numbers), not " + x);
                }
                above.add(x.asDouble());
            }
            return new PublishedBayes.Request(tau.equalsIgnoreCase("turner") ? null : org.strokemeta.bayes.TauPrior.parse(tau), m, above);
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, "the plan's bayes: " + e.getMessage());
        }
    }

    private static Sequential sequential(String source, JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        Set<String> keys = Set.of("cor", "alpha", "power", "heterogeneity", "i2", "futility", "spending", "order");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw InputException.of(source, "unknown key '" + k + "' in the plan's tsa (keys: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
        if (!n.path("cor").isNumber()) {
            throw InputException.of(source, "the plan's tsa needs cor, the anticipated common odds ratio (for example 1.5)");
        }
        try {
            var het = org.strokemeta.sequential.TsaOptions.Heterogeneity.parse(text(n, "heterogeneity", "D2"));
            String sp = text(n, "spending", "obf").toLowerCase(java.util.Locale.ROOT);
            var spending = switch (sp) {
                case "obf", "obrien-fleming", "lan_demets_obf" -> org.strokemeta.sequential.Spending.OBRIEN_FLEMING;
                case "pocock", "lan_demets_pocock" -> org.strokemeta.sequential.Spending.POCOCK;
                default -> throw new IllegalArgumentException("spending is obf or pocock, not '" + sp + "'");
            };
            Sequential q = new Sequential(n.path("cor").asDouble(), n.path("alpha").asDouble(0.05), n.path("power").asDouble(0.8), het,
                    n.path("i2").asDouble(Double.NaN), n.path("futility").asBoolean(false), spending, strings(n, "order"));
            // the options' own checks (alpha, power, I²) before any model is fitted
            new org.strokemeta.sequential.TsaOptions(new org.strokemeta.sequential.Target.Ordinal(new double[] {0.5, 0.5}, q.cor()), q.alpha(),
                    q.power(), q.heterogeneity(), q.i2(), q.futility(), q.spending());
            return q;
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, "the plan's tsa: " + e.getMessage());
        }
    }

    private static boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, not " + v);
        }
        return v.asBoolean();
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static String required(String source, JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.asText().isBlank()) {
            throw InputException.of(source, "every subgroup needs a '" + key + "'");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.path(key)) {
            out.add(v.asText());
        }
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = AnalysisPlan.class.getResourceAsStream("/org/strokemeta/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
 * @serial exclude
 */
public record AnalysisPlan(String title, List<String> covariates, RandomEffects randomEffects, int nAGQ, CategoryMerge merge,
                           List<String> binary, StudyEffect binaryModel, Tau2Method tau2, CiMethod ci, List<Subgroup> subgroups,
                           boolean m2, double level, boolean skipMissing) implements java.io.Serializable {
    private static final Set<String> KEYS = Set.of("title", "covariates", "random_effects", "nagq", "merge", "binary",
            "binary_model", "tau2", "ci", "subgroups", "m2_section", "level", "skip_missing", "comment");

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
        return new AnalysisPlan(title, covariates, randomEffects, nAGQ, merge, binary, binaryModel, tau2, ci, subgroups, m2, level, skip);
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
                    root.path("m2_section").asBoolean(true), root.path("level").asDouble(0.95), bool(root, "skip_missing"));
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, "the plan: " + e.getMessage());
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

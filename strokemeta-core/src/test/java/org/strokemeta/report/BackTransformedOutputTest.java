package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.study.MetaRequest;

/**
 * Transformed measures are reported on the natural scale as metafor's predict(res, transf = ...) gives them;
 * the reference values are those of the bundled escalc cases (validation/r/make_escalc_cases.R).
 */
class BackTransformedOutputTest {
    private static JsonNode bundledCase(String id) throws Exception {
        try (InputStream in = BackTransformedOutputTest.class.getResourceAsStream("/org/strokemeta/validation/extra/" + id + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The case's rows as a CSV table, as a user's file. */
    private static Table table(JsonNode c) {
        StringBuilder csv = new StringBuilder();
        java.util.List<String> cols = new java.util.ArrayList<>();
        c.get("data").get(0).fieldNames().forEachRemaining(cols::add);
        csv.append(String.join(",", cols)).append('\n');
        for (JsonNode row : c.get("data")) {
            java.util.List<String> cells = new java.util.ArrayList<>();
            for (String k : cols) {
                cells.add(row.get(k).isTextual() ? "\"" + row.get(k).asText() + "\"" : row.get(k).toString());
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return org.strokemeta.data.CsvReader.parse(c.get("id").asText() + ".csv", csv.toString());
    }

    private static MetaResult fit(JsonNode c) {
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.parse(c.get("options").get("measure").asText()));
        return Meta.analyze(table(c), r).get(0).result();
    }

    @Test
    void json_carries_the_pooled_proportion_under_the_name_of_its_back_transformation() throws Exception {
        for (String[] x : new String[][] {{"escalc_plo_pritz", "logit", "ilogit"}, {"escalc_pft_pritz", "double_arcsine", "ipft_hm"},
            {"escalc_zcor_molloy", "fisher_z", "ztor"}, {"escalc_irft_nielweise", "freeman_tukey", "iirft"}, {"escalc_irr_nielweise", "log", "exp"}}) {
            JsonNode c = bundledCase(x[0]);
            JsonNode e = c.get("expected");
            JsonNode json = JsonReport.mapper().readTree(JsonReport.write(JsonReport.result(fit(c))));
            assertThat(json.get("scale").asText()).as(x[0]).isEqualTo(x[1]);
            JsonNode back = json.get("pooled").get(x[2]);
            assertThat(back).as(x[0]).isNotNull();
            for (String k : new String[] {"estimate", "ci_lower", "ci_upper", "pi_lower", "pi_upper"}) {
                double want = e.get("transf_" + k).asDouble();
                assertThat(back.get(k).asDouble()).as(x[0] + " " + k).isCloseTo(want, within(1e-6 * Math.abs(want) + 1e-9));
            }
            // studies carry theirs for transformations other than exp (whose values are exp(yi), as for odds ratios)
            JsonNode s0 = json.get("studies").get(0);
            if (x[2].equals("exp")) {
                assertThat(s0.has("exp")).isFalse();
            } else {
                double want = e.get("yi_transf").get(0).asDouble();
                assertThat(s0.get(x[2]).get("estimate").asDouble()).as(x[0]).isCloseTo(want, within(1e-6 * Math.abs(want) + 1e-9));
            }
        }
    }

    @Test
    void text_shows_the_pooled_proportion_and_names_the_analysis_scale() throws Exception {
        JsonNode c = bundledCase("escalc_plo_pritz");
        String text = TextReport.meta(fit(c), 60);
        JsonNode e = c.get("expected");
        assertThat(text).startsWith("Meta-analysis of logit proportion (PLO), ");
        assertThat(text).contains("Pooled proportion (random effects): " + Fmt.g(e.get("transf_estimate").asDouble()) + " ["
                + Fmt.g(e.get("transf_ci_lower").asDouble()) + ", " + Fmt.g(e.get("transf_ci_upper").asDouble()) + "] (95% CI)");
        assertThat(text).contains("  PLO = " + Fmt.f(e.get("estimate").asDouble(), 4) + ", SE = ");
        assertThat(text).contains("proportion [95% CI]");
    }
}

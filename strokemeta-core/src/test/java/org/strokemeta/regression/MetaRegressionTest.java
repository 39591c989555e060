package org.strokemeta.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strokemeta.regression.Bcg.close;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;

/**
 * Meta-regression against metafor 3.8.1. Reference values are printed by
 * strokemeta-core/src/test/r/regression_reference.R; each test names the label of its block there.
 */
class MetaRegressionTest {
    private static final MetaOptions REML = MetaOptions.defaults();

    private static void coefficient(RegressionResult r, String name, double est, double se, double z, double p,
                                    double lo, double hi) {
        Coefficient c = r.coefficient(name);
        close(c.estimate(), est);
        close(c.se(), se);
        close(c.statistic(), z);
        close(c.p(), p);
        close(c.ciLower(), lo);
        close(c.ciUpper(), hi);
    }

    private static RegressionResult fit(Table t, MetaOptions o, Moderator... mods) {
        return MetaRegression.fit(Bcg.rr(t), List.of(mods), o);
    }

    @Test
    void categorical_moderator_with_three_levels_matches_metafor() {
        // regression_reference.R, block cat3_reml: rma(yi, vi, mods = ~ factor(alloc), method = "REML")
        RegressionResult r = fit(Bcg.table(), REML, Moderator.categorical("alloc"));
        assertThat(r.names()).containsExactly("intercept", "alloc[random]", "alloc[systematic]");
        assertThat(r.design().factors()).singleElement().satisfies(f -> {
            assertThat(f.reference()).isEqualTo("alternate");
            assertThat(f.levels()).containsExactly("alternate", "random", "systematic");
        });
        coefficient(r, "intercept", -0.517955777155549, 0.441194460383357, -1.17398522344431, 0.240400944351661,
                -1.38268102968551, 0.346769475374415);
        coefficient(r, "alloc[random]", -0.4478184013892, 0.515821633595164, -0.868165218794728, 0.385303891837337,
                -1.45881022568234, 0.563173422903938);
        coefficient(r, "alloc[systematic]", 0.0890382162311982, 0.560035586831282, 0.158986711424862,
                0.873679343410723, -1.00861136401887, 1.18668779648126);
        close(r.omnibus().statistic(), 1.76751140194418);
        assertThat(r.omnibus().df1()).isEqualTo(2);
        assertThat(r.omnibus().isF()).isFalse();
        close(r.omnibus().p(), 0.413228032754789);
        close(r.heterogeneity().q(), 132.367638262708);
        assertThat(r.heterogeneity().qDf()).isEqualTo(10);
        close(r.heterogeneity().qP(), 1.53521295641922e-23);
        close(r.heterogeneity().tau2(), 0.361503664317873);
        close(r.heterogeneity().i2(), 88.7709035715377);
        close(r.r2(), 0);
    }

    @Test
    void categorical_and_numeric_moderators_under_knha_give_t_tests_and_an_f_test() {
        // regression_reference.R, block cat3_year_knha: mods = ~ factor(alloc) + year, test = "knha"
        RegressionResult r = fit(Bcg.table(), REML.withCi(CiMethod.KNHA), Moderator.categorical("alloc"),
                Moderator.numeric("year"));
        assertThat(r.names()).containsExactly("intercept", "alloc[random]", "alloc[systematic]", "year");
        coefficient(r, "intercept", -56.9697531854118, 32.7123953433349, -1.74153413675404, 0.115572215090767,
                -130.970332623624, 17.0308262528);
        coefficient(r, "alloc[random]", -0.586077020396194, 0.455613487246721, -1.28634695153093, 0.230425515959151,
                -1.61674633403883, 0.444592293246445);
        coefficient(r, "alloc[systematic]", -0.151743671589534, 0.502723964383414, -0.301842924428014,
                0.769630295925665, -1.28898428852978, 0.985496945350716);
        coefficient(r, "year", 0.0287662592318392, 0.0166695331603662, 1.72567875507362, 0.118485721879551,
                -0.00894284460738534, 0.0664753630710636);
        assertThat(r.omnibus().isF()).isTrue();
        close(r.omnibus().statistic(), 1.68103403865045);
        assertThat(r.omnibus().df1()).isEqualTo(3);
        close(r.omnibus().df2(), 9);
        close(r.omnibus().p(), 0.239792711158862);
        close(r.heterogeneity().q(), 88.3987705590422);
        close(r.heterogeneity().qP(), 3.40973232656788e-15);
        close(r.heterogeneity().tau2(), 0.276238607018942);
        close(r.r2(), 11.8133910807721);
    }

    @Test
    void fixed_effect_meta_regression_matches_metafor_with_its_adjusted_r2() {
        // regression_reference.R, block fe_ablat: rma(yi, vi, mods = ~ ablat, method = "FE")
        RegressionResult r = fit(Bcg.table(), REML.withModel(Model.FIXED), Moderator.numeric("ablat"));
        coefficient(r, "intercept", 0.34356457744659, 0.0810487794877086, 4.23898520888514, 2.24532449920405e-05,
                0.184711888659753, 0.502417266233428);
        coefficient(r, "ablat", -0.0292369342595418, 0.00265242943424623, -11.0227001261771, 2.97013621224944e-28,
                -0.0344356004221983, -0.0240382680968852);
        close(r.omnibus().statistic(), 121.499918071624);
        close(r.omnibus().p(), 2.9701362122494e-28);
        close(r.heterogeneity().q(), 30.7330900107493);
        close(r.heterogeneity().qP(), 0.00121429098742004);
        close(r.heterogeneity().tau2(), 0);
        close(r.heterogeneity().i2(), 64.2079595766237);
        close(r.r2(), 77.9765192143401);
        assertThat(r.tau2()).isNull();
        assertThat(r.interceptOnlyTau2()).isNaN();
    }

    @Test
    void dersimonian_laird_meta_regression_matches_metafor() {
        // regression_reference.R, block dl_ablat
        RegressionResult r = fit(Bcg.table(), REML.withTau2(Tau2Method.DL), Moderator.numeric("ablat"));
        coefficient(r, "intercept", 0.259543712434023, 0.232307473392695, 1.11724219907161, 0.263890781992962,
                -0.195770568755155, 0.714857993623202);
        coefficient(r, "ablat", -0.0292287387551884, 0.00673301083956727, -4.34110971326863, 1.417649105253e-05,
                -0.0424251975082581, -0.0160322800021188);
        close(r.omnibus().statistic(), 18.8452335426353);
        close(r.omnibus().p(), 1.41764910525301e-05);
        close(r.heterogeneity().tau2(), 0.0633005024264152);
        close(r.heterogeneity().i2(), 64.2079595766237);
        close(r.r2(), 79.498494450165);
    }

    @Test
    void paule_mandel_meta_regression_matches_metafor() {
        // regression_reference.R, block pm_ablat (uniroot to 1e-12)
        RegressionResult r = fit(Bcg.table(), REML.withTau2(Tau2Method.PM), Moderator.numeric("ablat"));
        coefficient(r, "intercept", 0.221915964507363, 0.317473696547316, 0.699005829209816, 0.484548387910197,
                -0.400321046764176, 0.844152975778901);
        coefficient(r, "ablat", -0.0285645258944061, 0.00907018887118232, -3.14927575380056, 0.00163675670778058,
                -0.0463417694148995, -0.0107872823739128);
        close(r.omnibus().statistic(), 9.91793777347607);
        close(r.heterogeneity().tau2(), 0.142131941472759);
        close(r.heterogeneity().i2(), 80.1112838825894);
        close(r.r2(), 55.314039953531);
    }

    @Test
    void r2_is_zero_when_the_intercept_only_tau2_is_zero() {
        // regression_reference.R, block r2_tau2re_zero: trials 9, 11, 12, 13
        RegressionResult r = fit(Bcg.table(9, 11, 12, 13), REML, Moderator.numeric("ablat"));
        close(r.interceptOnlyTau2(), 0);
        close(r.heterogeneity().tau2(), 0.0126944078422866);
        close(r.r2(), 0);
        coefficient(r, "ablat", 0.0174545664935989, 0.0196136549770184, 0.889919115741083, 0.373509318828936,
                -0.0209874908665519, 0.0558966238537497);
        close(r.omnibus().statistic(), 0.791956032561391);
        close(r.heterogeneity().q(), 1.91959139870906);
    }

    @Test
    void blank_moderator_leaves_the_study_out_with_a_note_and_matches_metafor() {
        // regression_reference.R, block missing_ablat: ablat of trial 3 set to NA
        String csv = Bcg.csv().replace("Rosenthal et al 1960,3,231,11,220,42,", "Rosenthal et al 1960,3,231,11,220,,");
        Table t = CsvReader.parse("bcg.csv", csv);
        RegressionResult r = fit(t, REML, Moderator.numeric("ablat"));
        assertThat(r.k()).isEqualTo(12);
        assertThat(r.design().excluded()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.EXCLUDED);
            assertThat(n.study()).isEqualTo("Rosenthal et al 1960");
            assertThat(n.line()).isEqualTo(4);
            assertThat(n.message()).contains("ablat");
        });
        assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.EXCLUDED && "Rosenthal et al 1960".equals(n.study()));
        coefficient(r, "intercept", 0.243847633133244, 0.255016710498291, 0.956202566713283, 0.338969903443072,
                -0.255975934899283, 0.743671201165772);
        coefficient(r, "ablat", -0.0286034922365327, 0.00740083788922347, -3.86489917286027, 0.000111135099116201,
                -0.0431088679548302, -0.0140981165182353);
        close(r.omnibus().statistic(), 14.937445616376);
        close(r.heterogeneity().q(), 30.2112716237586);
        assertThat(r.heterogeneity().qDf()).isEqualTo(10);
        close(r.heterogeneity().tau2(), 0.0811097261760423);
        close(r.r2(), 74.711526552323);
    }

    @Test
    void a_study_with_zero_sampling_variance_is_left_out_with_a_note_as_in_pooling() {
        // Risk differences without continuity correction: 0/50 vs 0/60 has variance 0.
        String csv = Bcg.csv(1, 2, 3, 4, 5) + "Zero trial,0,50,0,60,30,1970,random\n";
        Table t = CsvReader.parse("bcg.csv", csv);
        EffectSizes es = EffectCalculator.compute(Measure.RD, StudyLoader.binary(t),
                new Continuity(0.5, Continuity.To.NONE, false));
        RegressionResult r = MetaRegression.fit(es.withInputCovariates(org.strokemeta.data.DataColumns.read(t, List.of("ablat"))),
                List.of(Moderator.numeric("ablat")), REML);
        assertThat(r.k()).isEqualTo(5);
        assertThat(r.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.EXCLUDED);
            assertThat(n.study()).isEqualTo("Zero trial");
            assertThat(n.line()).isEqualTo(7);
        });
    }

    @Test
    void rejects_text_in_a_numeric_moderator_with_line_and_column() {
        String csv = Bcg.csv().replace("TPT Madras 1980,505,88391,499,88391,13,", "TPT Madras 1980,505,88391,499,88391,13N,");
        Table t = CsvReader.parse("bcg.csv", csv);
        EffectSizes es = Bcg.rr(t);
        assertThatThrownBy(() -> MetaRegression.fit(es, List.of(Moderator.numeric("ablat")), REML))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.column()).isEqualTo("ablat");
                    assertThat(e.getMessage()).contains("'13N' is not a number");
                });
    }

    @Test
    void detects_a_text_column_as_categorical_and_a_numeric_one_as_numeric() {
        Table t = Bcg.table();
        assertThat(Moderator.detect(Bcg.rr(t), "alloc").type()).isEqualTo(Moderator.Type.CATEGORICAL);
        assertThat(Moderator.detect(Bcg.rr(t), "ablat").type()).isEqualTo(Moderator.Type.NUMERIC);
        assertThatThrownBy(() -> Moderator.detect(Bcg.rr(t), "latitude")).isInstanceOf(InputException.class)
                .hasMessageContaining("latitude");
    }

    @Test
    void rejects_a_moderator_that_is_constant_in_the_studies_used() {
        // Trials 12 and 13 share latitude 33.
        Table same = Bcg.table(12, 13);
        assertThatThrownBy(() -> MetaRegression.fit(Bcg.rr(same), List.of(Moderator.numeric("ablat")),
                REML.withModel(Model.FIXED)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.column()).isEqualTo("ablat");
                    assertThat(e.getMessage()).contains("same value (33)");
                });
    }

    @Test
    void rejects_a_categorical_moderator_with_one_level_among_the_studies_used() {
        // Trials 11-13 are all "systematic"; trial 1 ("random") is left out by a blank latitude.
        String csv = Bcg.csv(11, 12, 13, 1).replace("Aronson 1948,4,123,11,139,44,", "Aronson 1948,4,123,11,139,,");
        Table t = CsvReader.parse("bcg.csv", csv);
        assertThatThrownBy(() -> fit(t, REML.withModel(Model.FIXED), Moderator.numeric("ablat"),
                Moderator.categorical("alloc")))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.column()).isEqualTo("alloc");
                    assertThat(e.getMessage()).contains("only one value (systematic)");
                });
    }

    @Test
    void rejects_collinear_moderators_naming_the_redundant_one() {
        String csv = Bcg.csv().replace("alloc\n", "alloc,colat\n");
        StringBuilder sb = new StringBuilder();
        for (String line : csv.split("\n")) {
            if (line.startsWith("study")) {
                sb.append(line).append('\n');
                continue;
            }
            String[] f = line.split(",");
            sb.append(line).append(',').append(90 - Integer.parseInt(f[5])).append('\n');
        }
        Table t = CsvReader.parse("bcg.csv", sb.toString());
        assertThatThrownBy(() -> fit(t, REML, Moderator.numeric("ablat"), Moderator.numeric("colat")))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.column()).isEqualTo("colat");
                    assertThat(e.getMessage()).contains("linear combination of the intercept, ablat");
                });
    }

    @Test
    void rejects_a_random_effects_model_without_a_study_to_spare_for_tau2() {
        Table t = Bcg.table(1, 2);
        assertThatThrownBy(() -> fit(t, REML, Moderator.numeric("ablat")))
                .isInstanceOf(InputException.class).hasMessageContaining("at least 3 studies");
    }

    @Test
    void levels_sort_as_r_sorts_text_so_case_does_not_put_capitals_first() {
        String csv = Bcg.csv().replace(",random\n", ",Random\n");
        Table t = CsvReader.parse("bcg.csv", csv);
        RegressionResult r = fit(t, REML, Moderator.categorical("alloc"));
        assertThat(r.names()).containsExactly("intercept", "alloc[Random]", "alloc[systematic]");
        // Same model as with lower-case levels (regression_reference.R, block cat3_reml).
        close(r.omnibus().statistic(), 1.76751140194418);
    }

    @Test
    void a_missing_moderator_column_is_an_input_error_listing_the_columns() {
        Table t = Bcg.table();
        assertThatThrownBy(() -> fit(t, REML, Moderator.numeric("latitude")))
                .isInstanceOf(InputException.class).hasMessageContaining("latitude").hasMessageContaining("ablat");
    }

    @Test
    void the_residual_tau2_has_its_q_profile_interval_with_k_minus_p_degrees_of_freedom() {
        // regression_reference.R, last block: confint(rma(yi, vi, mods = ~ ablat, method = m))$random
        for (MetaOptions o : List.of(REML, REML.withTau2(Tau2Method.DL))) {
            RegressionResult r = fit(Bcg.table(), o, Moderator.numeric("ablat"));
            close(r.heterogeneity().tau2Ci().lower(), 0.0166800683206482);
            close(r.heterogeneity().tau2Ci().upper(), 0.784835254575402);
            close(r.heterogeneity().i2Ci().lower(), 32.0978832359786);
            close(r.heterogeneity().i2Ci().upper(), 95.6974435368288);
            close(r.heterogeneity().h2Ci().lower(), 1.4727081387982);
            close(r.heterogeneity().h2Ci().upper(), 23.2419959751779);
        }
        RegressionResult two = fit(Bcg.table(), REML, Moderator.numeric("ablat"), Moderator.numeric("year"));
        close(two.heterogeneity().tau2Ci().lower(), 0.0217867280147581);
        close(two.heterogeneity().tau2Ci().upper(), 0.95486961805713);
        close(two.heterogeneity().i2Ci().lower(), 33.5603011753486);
        close(two.heterogeneity().i2Ci().upper(), 95.6782183460485);
    }
}

package org.strokemeta.glmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;

/** The conditional model with the exact likelihood (CM.EL) beyond its reference cases (validation/extra/glmm_*_cmel*). */
class ConditionalGlmmTest {

    private static GlmmResult fit(String csv, boolean fixed) {
        return BinaryGlmm.fit(CsvReader.parse("t.csv", "study,events_treat,total_treat,events_ctrl,total_ctrl\n" + csv),
                new GlmmOptions(GlmmOptions.Model.CM_EL, 7, 0.95, fixed));
    }

    @Test
    void the_fixed_effect_of_identical_trials_is_the_conditional_mle_of_one_table() {
        // R: fisher.test(matrix(c(3, 17, 8, 13), 2))$estimate = 0.295704075271053 (its uniroot stops at about 1e-4)
        GlmmResult r = fit("A,3,20,8,21\nB,3,20,8,21\n", true);
        assertThat(Math.exp(r.estimate())).isCloseTo(0.295704075271053, within(1e-4 * 0.2957));
        assertThat(r.qeWald()).isCloseTo(0, within(1e-12));
        assertThat(r.qeLrt()).isCloseTo(0, within(1e-9));
    }

    @Test
    void the_analytic_gradient_and_hessian_agree_with_differences_of_the_likelihood() {
        Random rnd = new Random(5);
        List<ConditionalGlmm.Trial> trials = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int nt = 30 + rnd.nextInt(200);
            int nc = 30 + rnd.nextInt(200);
            trials.add(new ConditionalGlmm.Trial(rnd.nextInt(nt / 3), nt, 1 + rnd.nextInt(nc / 3), nc));
        }
        double[][] nodes = Marginal.gaussHermite(ConditionalGlmm.NODES);
        double mu = -0.4;
        double rho = Math.log(0.2);
        double h = 1e-4;
        double[] d = ConditionalGlmm.derivatives(trials, mu, rho, nodes);
        double gMu = (ConditionalGlmm.derivatives(trials, mu + h, rho, nodes)[0] - ConditionalGlmm.derivatives(trials, mu - h, rho, nodes)[0]) / (2 * h);
        double gRho = (ConditionalGlmm.derivatives(trials, mu, rho + h, nodes)[0] - ConditionalGlmm.derivatives(trials, mu, rho - h, nodes)[0]) / (2 * h);
        assertThat(d[1]).isCloseTo(gMu, within(1e-6 * Math.max(1, Math.abs(gMu))));
        assertThat(d[2]).isCloseTo(gRho, within(1e-6 * Math.max(1, Math.abs(gRho))));
        // the Hessian: differences of the analytic gradient
        double[] up = ConditionalGlmm.derivatives(trials, mu, rho + h, nodes);
        double[] dn = ConditionalGlmm.derivatives(trials, mu, rho - h, nodes);
        assertThat(d[4]).isCloseTo((up[1] - dn[1]) / (2 * h), within(1e-6 * Math.max(1, Math.abs(d[4]))));
        assertThat(d[5]).isCloseTo((up[2] - dn[2]) / (2 * h), within(1e-6 * Math.max(1, Math.abs(d[5]))));
        double[] right = ConditionalGlmm.derivatives(trials, mu + h, rho, nodes);
        double[] left = ConditionalGlmm.derivatives(trials, mu - h, rho, nodes);
        assertThat(d[3]).isCloseTo((right[1] - left[1]) / (2 * h), within(1e-6 * Math.max(1, Math.abs(d[3]))));
    }

    @Test
    void homogeneous_trials_give_tau2_zero_and_the_fixed_effect_estimate_with_a_note() {
        GlmmResult re = fit("A,10,100,20,100\nB,20,200,40,200\nC,15,150,30,150\n", false);
        GlmmResult fe = fit("A,10,100,20,100\nB,20,200,40,200\nC,15,150,30,150\n", true);
        assertThat(re.tau2()).isZero();
        assertThat(re.estimate()).isEqualTo(fe.estimate());
        assertThat(re.notes()).anyMatch(n -> n.contains("taken as 0"));
    }

    @Test
    void zero_cells_need_no_correction_but_an_all_zero_treatment_arm_has_no_finite_odds_ratio() {
        GlmmResult r = fit("A,0,50,4,50\nB,2,60,5,58\nC,1,40,6,41\n", true);
        assertThat(r.estimate()).isFinite().isNegative();
        assertThat(r.notes()).anyMatch(n -> n.contains("zero cell"));
        assertThatThrownBy(() -> fit("A,0,50,4,50\nB,0,60,5,58\n", true)).hasMessageContaining("odds ratio is 0");
    }
}

package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixedFormulaTest {
    private static List<String> fixed(MixedFormula f) {
        return f.fixed().stream().map(MixedFormula::label).toList();
    }

    @Test
    void expands_crossings_and_orders_terms_by_degree_as_r_does() {
        MixedFormula f = MixedFormula.parse("mrs ~ arm * site * sex + age + (1 | study)");
        assertThat(f.response()).isEqualTo("mrs");
        assertThat(fixed(f)).containsExactly("arm", "site", "sex", "age", "arm:site", "arm:sex", "site:sex", "arm:site:sex");
        assertThat(fixed(MixedFormula.parse("y ~ a + a:b + b + b:a + (1|g)"))).containsExactly("a", "b", "a:b");
        assertThat(fixed(MixedFormula.parse("y ~ 1 + factor(arm) + (1|g)"))).containsExactly("factor(arm)");
    }

    @Test
    void reads_random_terms_nesting_and_uncorrelated_effects() {
        MixedFormula f = MixedFormula.parse("y ~ arm + (1 + age | study) + (0 + arm || study) + (1 | study/centre) + (1 | a:b)");
        assertThat(f.random()).extracting(MixedFormula.RandomTerm::label).containsExactly(
                "(1 + age | study)", "(0 + arm || study)", "(1 | study)", "(1 | study:centre)", "(1 | a:b)");
        assertThat(MixedFormula.parse("y ~ x + (age | study)").random().get(0).intercept()).isTrue();
        assertThat(f.columns()).containsExactly("y", "arm", "age", "study", "centre", "a", "b");
    }

    @Test
    void names_the_position_of_what_it_cannot_read() {
        assertThatThrownBy(() -> MixedFormula.parse("mrs treatment")).hasMessageContaining("expected '~'");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ treatment - 1 + (1|s)")).hasMessageContaining("character 17");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ 0 + treatment + (1|s)")).hasMessageContaining("cannot be removed");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ log(age) + (1|s)")).hasMessageContaining("log() is not offered");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ age + (1 s)")).hasMessageContaining("expected '|'");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ age + (1 | s")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ age")).hasMessageContaining("no random-effects term");
        assertThatThrownBy(() -> MixedFormula.parse("mrs ~ age +")).hasMessageContaining("missing at the end");
        assertThatThrownBy(() -> MixedFormula.parse(" ")).hasMessageContaining("empty");
    }
}

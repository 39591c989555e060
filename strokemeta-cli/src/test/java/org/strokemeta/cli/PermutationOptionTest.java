package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strokemeta.cli.MainTest.Run;

/** --permutations takes 'exact' or a whole number from 2 to 1,000,000; anything else is a usage error (exit 2). */
class PermutationOptionTest {
    @Test
    void zero_negative_fractional_text_and_too_many_permutations_are_usage_errors() {
        for (String bad : new String[] {"0", "1", "-5", "1.5", "1e3", "many", "1000001", "99999999999"}) {
            Run r = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--permutations", bad);
            assertThat(r.code()).as(bad).isEqualTo(Main.EXIT_INPUT);
            assertThat(r.err()).as(bad).startsWith("error: ").doesNotContain("Exception")
                    .contains("the option --permutations needs 'exact' or a whole number of permutations from 2 to 1,000,000, not '"
                            + bad + "'");
        }
    }

    @Test
    void a_whole_number_runs_the_random_test_and_json_says_it_is_complete() {
        Run r = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--permutations", "100", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"requested\" : 100").contains("\"complete\" : true").contains("\"stopped\" : null");
    }
}

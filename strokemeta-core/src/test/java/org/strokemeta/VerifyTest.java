package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.qualify.Qualification;
import org.strokemeta.qualify.Qualifications;
import org.strokemeta.qualify.ValidationCase;

/** {@link Verify} runs the qualification suite of {@link Qualifications#full()}. */
class VerifyTest {
    @Test
    void the_bundled_cases_are_the_suites_and_pass_as_the_suite_runs_them() {
        List<ValidationCase> cases = Verify.bundledCases();
        assertThat(cases).extracting(ValidationCase::id).isEqualTo(Qualification.loadBundled().stream().map(ValidationCase::id).toList());
        List<ValidationCase> some = cases.stream().filter(c -> c.id().startsWith("pw_bcg") || c.id().startsWith("ord_sim11")).toList();
        assertThat(some).isNotEmpty();
        List<Qualification.Outcome> api = Verify.run(some);
        Qualification suite = Qualifications.full();
        assertThat(api).hasSameSizeAs(some);
        for (int i = 0; i < some.size(); i++) {
            Qualification.Outcome engine = suite.run(some.get(i));
            assertThat(api.get(i).id()).isEqualTo(some.get(i).id());
            assertThat(api.get(i).passed()).as(some.get(i).id()).isEqualTo(engine.passed()).isTrue();
            assertThat(api.get(i).mismatches()).isEqualTo(engine.mismatches());
            assertThat(Verify.run(some.get(i)).passed()).isTrue();
        }
    }

    @Test
    void a_folder_of_cases_is_read_in_file_name_order(@TempDir Path dir) throws Exception {
        assertThat(Verify.cases(dir)).isEmpty();
        Files.writeString(dir.resolve("notes.txt"), "not a case");
        assertThat(Verify.cases(dir)).isEmpty();
    }
}

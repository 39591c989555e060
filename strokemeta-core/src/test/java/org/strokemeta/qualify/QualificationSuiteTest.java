package org.strokemeta.qualify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every bundled reference case; each must match every expected value. */
class QualificationSuiteTest {
    private final Qualification suite = Qualifications.full();
    private final java.util.Map<String, java.util.Set<String>> disputed = disputed();

    /** The shared cases whose reference values are in dispute, with the keys (validation/disputed.csv). */
    private static java.util.Map<String, java.util.Set<String>> disputed() {
        java.util.Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
        java.nio.file.Path f = java.nio.file.Path.of("validation", "disputed.csv");
        try {
            for (String line : java.nio.file.Files.readAllLines(f).subList(1, java.nio.file.Files.readAllLines(f).size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.split(",", 2);
                out.put(p[0].trim(), new java.util.TreeSet<>(java.util.Arrays.asList(p[1].trim().split("\\s+"))));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> every_bundled_case_matches_its_reference_values() {
        List<ValidationCase> cases = Qualification.loadBundled();
        java.util.Map<String, Long> unsupported = cases.stream()
                .filter(c -> !suite.supported().contains(c.analysis()))
                .collect(java.util.stream.Collectors.groupingBy(ValidationCase::analysis, java.util.stream.Collectors.counting()));
        List<DynamicTest> tests = new ArrayList<>();
        for (ValidationCase c : cases) {
            tests.add(DynamicTest.dynamicTest(c.id() + " (" + c.analysis() + ")", () -> {
                // A type this version does not run yet is skipped here (verify counts it as failed).
                Assumptions.assumeTrue(suite.supported().contains(c.analysis()),
                        () -> "analysis type '" + c.analysis() + "' is not supported by this version: "
                                + unsupported.get(c.analysis()) + " case(s) of this type skipped, "
                                + unsupported.values().stream().mapToLong(Long::longValue).sum() + " in all");
                Qualification.Outcome o = suite.run(c);
                assertThat(o.error()).as(c.id()).isNull();
                java.util.Set<String> keys = disputed.get(c.id());
                if (keys != null) {
                    // a reference in dispute (validation/DISPUTED.md): it must fail on exactly its listed keys
                    assertThat(o.mismatches().stream().map(m -> m.key().replaceAll("[\\[.].*$", "")).collect(java.util.stream.Collectors.toSet()))
                            .as(c.id() + " mismatches").isEqualTo(keys);
                    Assumptions.abort(c.id() + ": reference in dispute on " + keys + " (validation/DISPUTED.md)");
                }
                assertThat(o.mismatches()).as(c.id()).isEmpty();
            }));
        }
        return tests.stream();
    }

    @Test
    void the_bundled_suite_holds_every_case_of_the_shared_corpus() {
        java.nio.file.Path shared = java.nio.file.Path.of("..", "shared", "validation", "cases");
        List<ValidationCase> bundled = Qualification.loadBundled(Qualification.BUNDLED.get(0));
        assertThat(bundled).hasSizeGreaterThanOrEqualTo(46);
        Assumptions.assumeTrue(java.nio.file.Files.isDirectory(shared), "../shared/validation is not beside the project");
        List<ValidationCase> reference = Qualification.load(shared);
        for (ValidationCase r : reference) {
            ValidationCase b = bundled.stream().filter(x -> x.file().equals(r.file())).findFirst().orElse(null);
            assertThat(b).as("bundled copy of " + r.file()).isNotNull();
            assertThat(b.expected()).as(r.file() + " expected values").isEqualTo(r.expected());
            assertThat(b.data()).as(r.file() + " data").isEqualTo(r.data());
        }
    }
}

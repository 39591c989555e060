package org.strokemeta.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strokemeta.Study;
import org.strokemeta.data.Examples;
import org.strokemeta.data.Table;
import org.strokemeta.report.StudyHtml;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.StudyReport;

/**
 * The HERMES-style pooled analysis of patient-level thrombectomy data from a {@link Table} (here the
 * bundled simulated cohort; a file of one's own in the data dictionary's columns works the same), with
 * the HERMES analysis plan, written as one self-contained HTML report.
 */
public final class HermesReport {
    private HermesReport() {
    }

    /** Runs the plan on the table. */
    public static StudyReport run(Table patients) {
        StudyReport.Provenance provenance = new StudyReport.Provenance(patients.source(), "", "HERMES plan", "", "example",
                java.time.Instant.now().toString(), "HermesReport example");
        return Study.report(patients, AnalysisPlan.hermes(), provenance);
    }

    public static void main(String[] args) throws IOException {
        StudyReport r = run(Examples.table(Examples.get("hermes_sim")));
        Path out = Path.of(args.length > 0 ? args[0] : "hermes-report.html");
        Files.writeString(out, StudyHtml.render(r), StandardCharsets.UTF_8);
        System.out.printf("%d patients; adjusted common OR %.2f; wrote %s%n", r.main().data().size(), r.main().primary().effect().cor(), out);
    }
}

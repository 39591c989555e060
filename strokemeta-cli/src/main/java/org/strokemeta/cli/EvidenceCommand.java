package org.strokemeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.strokemeta.Evidence;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.report.EvidenceReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.study.PublishedEvidence;

/**
 * {@code strokemeta evidence}: the published results of the randomised trials of thrombectomy against
 * medical management, every number with its source, population and confidence.
 */
final class EvidenceCommand extends Command {
    @Override
    String name() {
        return "evidence";
    }

    @Override
    String summary() {
        return "The published trials of thrombectomy against medical management (every number with its source): list, filter, export.";
    }

    @Override
    List<Opt> options() {
        return List.of(
                Opt.value("--population", "P", "Only one population: lvo-early, late-window, large-core, basilar or mevo; or m2: the trials "
                        + "that enrolled M2-segment occlusions or published M2 results.", null),
                Opt.flag("--sources", "Text: every number of each trial with its source and confidence, and what is missing."),
                Opt.value("--input", "-i", "FOLDER", "Evidence files of your own (one JSON file per trial, the bundled format) instead of the bundled ones.", null),
                Opt.value("--format", "text|json|csv|mrs", "Output format (csv and json: one row per published number; mrs: the published "
                        + "90-day mRS count distributions as an ordinal table for strokemeta meta and plot).", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        boolean mrs = a.get("--format").equalsIgnoreCase("mrs");
        String format = mrs ? "mrs" : Options.format(a, true);
        String p = a.get("--population");
        boolean m2 = p != null && p.trim().equalsIgnoreCase("m2");
        Population population;
        try {
            population = p == null || m2 ? null : Population.of(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (or m2)");
        }
        Path input = a.path("--input");
        List<TrialEvidence> trials = input == null ? Evidence.bundled() : Evidence.read(input);
        if (m2) {
            trials = Evidence.m2(trials);
        }
        if (mrs && PublishedEvidence.distributionsCsv(trials, population).lines().count() < 2) {
            throw new UsageException("no trial" + (population == null ? "" : " of " + population.label())
                    + " publishes a count distribution of the 90-day mRS for both arms");
        }
        String text = switch (format) {
            case "mrs" -> PublishedEvidence.distributionsCsv(trials, population);
            case "json" -> JsonReport.write(EvidenceReport.json(trials, population));
            case "csv" -> EvidenceReport.csv(trials, population);
            default -> EvidenceReport.text(trials, population, a.flag("--sources"));
        };
        Options.write(a, out, text);
        return 0;
    }
}

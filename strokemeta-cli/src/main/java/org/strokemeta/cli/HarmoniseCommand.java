package org.strokemeta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.strokemeta.formats.Harmonisation;
import org.strokemeta.report.JsonReport;

/** {@code strokemeta harmonise}: several trials' patient files, each in its own format and coding, into one dictionary file. */
final class HarmoniseCommand extends Command {
    @Override
    String name() {
        return "harmonise";
    }

    @Override
    String summary() {
        return "Pool several trials' patient files (CSV, Excel, SAS, Stata, SPSS), each with its own columns and codes, into one file in "
                + "the data dictionary's columns, with a report of every value that could not be mapped.";
    }

    @Override
    String description() {
        return summary() + "\n\nThe mapping (YAML or JSON; docs/harmonisation.md) lists the trials: for each its file, which column is\n"
                + "which dictionary field, how its codes map (a code may set several fields), the unit of its times. Every row of\n"
                + "every file is written with a trial column; a value that cannot be mapped is blank and listed with its file, row\n"
                + "and column. Exit status 0 when every value was mapped, 3 when some were left blank (the files are written).";
    }

    @Override
    List<Opt> options() {
        return List.of(
                Opt.value("--mapping", "FILE", "The mapping (YAML or JSON).", null),
                Opt.value("--out", "-o", "FILE", "The pooled data (CSV).", "pooled.csv"),
                Opt.value("--report", "FILE", "Also write the harmonisation report (.txt, or .json for JSON).", null),
                Opt.value("--format", "text|json", "Format of the report on the terminal.", "text"));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Path mapping = a.path("--mapping");
        if (mapping == null) {
            throw new UsageException("--mapping FILE is required (docs/harmonisation.md)");
        }
        Harmonisation.Result r = Harmonisation.run(mapping);
        Path csv = a.path("--out");
        write(csv, r.csv());
        Path report = a.path("--report");
        if (report != null) {
            write(report, report.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JsonReport.write(r.json()) : r.report());
        }
        out.print(format.equals("json") ? JsonReport.write(r.json()) : r.report());
        out.flush();
        err.println("Wrote " + csv + (report != null ? " and " + report : "") + ": " + r.rows().size() + " patients of " + r.trials().size()
                + " trials" + (r.issues().isEmpty() ? "" : "; " + r.issues().size() + " values could not be mapped and are blank (see the report)"));
        err.flush();
        return r.issues().isEmpty() ? 0 : Main.EXIT_INVALID;
    }

    private static void write(Path p, String text) {
        try {
            if (p.toAbsolutePath().getParent() != null) {
                Files.createDirectories(p.toAbsolutePath().getParent());
            }
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UsageException("cannot write " + p + ": " + e.getMessage());
        }
    }
}

package org.strokemeta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.strokemeta.Evidence;
import org.strokemeta.Study;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.FileProblem;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.pool.Execution;
import org.strokemeta.report.Fmt;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.PublishedHtml;
import org.strokemeta.report.PublishedJson;
import org.strokemeta.report.StudyHtml;
import org.strokemeta.report.StudyJson;
import org.strokemeta.report.Version;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.GradeJudgments;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.PublishedEvidence;
import org.strokemeta.study.PublishedRequest;
import org.strokemeta.study.SummaryOfFindings;
import org.strokemeta.study.StudyReport;

/** {@code strokemeta report}: the whole pooled analysis of a plan, as one HTML file and a JSON file of every number. */
final class ReportCommand extends Command {
    @Override
    String name() {
        return "report";
    }

    @Override
    String summary() {
        return "The full pooled analysis (HERMES plan by default) as one self-contained HTML report and a JSON file of every number.";
    }

    @Override
    String description() {
        return summary() + "\n\nWith no data given it runs on the bundled simulated HERMES-like cohort (hermes_sim). The data are\n"
                + "patient-level thrombectomy trial data in the columns of the data dictionary (strokemeta dictionary).\n"
                + "The plan (JSON) pre-specifies covariates, models and subgroups; --print-plan prints the default to edit.\n\n"
                + "With --published it reports instead on the published randomised trials bundled with strokemeta (strokemeta\n"
                + "evidence lists them): the mRS shift, mRS 0-2, mortality and symptomatic ICH by population, the M2 section and\n"
                + "the GRADE summary-of-findings tables. --judgments gives the panel's risk-of-bias and indirectness judgments\n"
                + "(CSV: scope,outcome,domain,judgment,reason,source; see docs/published-evidence.md).";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.READING, List.of(
                Opt.value("--input", "--data", "FILE", "Patient-level data file in the data dictionary's columns (CSV, .xlsx, .sas7bdat, .xpt, .dta, .sav).", null),
                Opt.value("--example", "NAME", "A bundled data set.", null),
                Opt.value("--plan", "FILE", "Analysis plan (JSON); default: the HERMES plan.", null),
                Opt.flag("--print-plan", "Print the default plan and exit."),
                Opt.flag("--skip-missing", "Run without the plan's covariates, subgroup variables and outcomes that the data lack "
                        + "(each named in a warning and at the top of the report); without it they are an error."),
                Opt.flag("--published", "Report on the bundled published trials (no patient data) with the summary of findings."),
                Opt.value("--evidence", "FOLDER", "With --published: evidence files of your own (the bundled JSON format) instead of the bundled ones.", null),
                Opt.value("--judgments", "FILE", "With --published: risk-of-bias and indirectness judgments (CSV) for the summary of findings.", null),
                Opt.value("--ois-effect", "R", "With --published: the relative effect the optimal information size is computed for.", "0.25"),
                Opt.value("--bayes", "turner|PRIOR", "With --published: add the Bayesian random-effects analysis by outcome and population, "
                        + "with Turner et al.'s empirical tau prior of each outcome (turner) or one tau prior for all (as bayes --tau-prior).", null),
                Opt.value("--mu-prior", "flat|normal:M:SD", "With --bayes: prior of the pooled log ratio.", "flat"),
                Opt.value("--prob-above", "T,T", "With --bayes: report P(ratio > T | data) for each ratio T.", "1"),
                Opt.flag("--tsa", "With --published: add the trial sequential analysis of mRS 0-2, death and symptomatic ICH by population "
                        + "(the relative effect of --ois-effect, D²-corrected, O'Brien-Fleming-type boundaries)."),
                Opt.value("--out-dir", "DIR", "Directory for the report files.", "."),
                Opt.value("--name", "BASE", "File name of the report (BASE.html and BASE.json); default strokemeta-report, "
                        + "or strokemeta-published with --published.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        if (a.flag("--print-plan")) {
            out.print(new String(AnalysisPlan.hermesText(), StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        if (a.flag("--published")) {
            return published(a, out);
        }
        for (String o : List.of("--evidence", "--judgments", "--bayes", "--tsa")) {
            if (a.get(o) != null || a.flag(o)) {
                throw new UsageException(o + " belongs to the report on the published trials: add --published");
            }
        }
        Path input = a.path("--input");
        if (input != null && a.get("--example") != null) {
            throw new UsageException("give either --input or --example, not both");
        }
        Path mapping = a.path("--mapping");
        if (mapping != null && (input != null || a.get("--example") != null)) {
            throw new UsageException("give --mapping (several trials' files harmonised) or --input or --example, not two of them");
        }
        String inputName;
        byte[] data;
        if (mapping != null) {
            inputName = "trials harmonised by " + mapping;
            data = readFile(mapping);
        } else if (input != null) {
            inputName = input.toString();
            data = readFile(input);
        } else {
            Examples.Example e = Examples.get(a.get("--example") != null ? a.get("--example") : "hermes_sim");
            inputName = "bundled example " + e.name() + " (" + e.file() + ")";
            data = Examples.bytes(e);
        }
        Table t = mapping != null ? Options.harmonised(a)
                : input != null ? org.strokemeta.formats.DataFiles.read(input.getFileName().toString(), data, Options.readOptions(a))
                : CsvReader.parse(inputName, data);
        Path planPath = a.path("--plan");
        byte[] planBytes = planPath == null ? AnalysisPlan.hermesText() : readFile(planPath);
        String planName = planPath == null ? "default HERMES plan (plans/hermes.json)" : planPath.toString();
        AnalysisPlan plan = AnalysisPlan.read(planPath == null ? "plans/hermes.json" : planPath.toString(), planBytes);
        StrokeCohort cohort = StrokeLoader.load(t);
        if (a.flag("--skip-missing")) {
            plan = plan.withSkipMissing(true);
        }
        List<StudyReport.MissingVariable> lacking = Study.missing(cohort, plan);
        if (!lacking.isEmpty() && !plan.skipMissing()) {
            throw new UsageException(StudyReport.describe(lacking) + "; correct the plan (" + planName + "), or run without "
                    + (lacking.size() == 1 ? "it" : "them") + " with --skip-missing");
        }
        for (StudyReport.MissingVariable m : lacking) {
            err.println("warning: left out of the analysis: the plan's " + m.describe() + " is not in the data");
        }
        StudyReport.Provenance prov = new StudyReport.Provenance(inputName, sha256(data), planName, sha256(planBytes), Version.get(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "strokemeta report " + String.join(" ", a.raw()));
        Progress bar = new Progress(err, System.console() != null, 4 + plan.subgroups().size());
        StudyReport r = Study.report(cohort, plan, prov, bar::step, Execution.defaults());
        if (input == null && inputName.contains("hermes_sim")) {
            // the bundled cohort is calibrated to the published trials: set them beside their computed estimates
            r = r.withPublished(PublishedEvidence.reproduce());
        }
        bar.done();
        Path[] files = write(a, "strokemeta-report", StudyHtml.render(r), JsonReport.write(StudyJson.json(r)));
        var primary = r.main().primary();
        out.println((r.simulated() ? "Simulated data: " : "") + r.main().data().size() + " patients in " + r.main().data().studies() + " trials");
        if (primary != null && primary.converged()) {
            CommonOddsRatio c = primary.effect();
            out.println("Primary outcome: common OR " + Fmt.f(c.cor(), 2) + " [" + Fmt.f(c.corLower(), 2) + ", " + Fmt.f(c.corUpper(), 2) + "], "
                    + Fmt.pEq(c.p()));
        }
        out.println("Wrote " + files[0] + " and " + files[1]);
        out.flush();
        return r.main().valid() ? 0 : Main.EXIT_INVALID;
    }

    /** {@code report --published}: the published evidence analysed by population, as HTML and JSON. */
    private static int published(Args a, PrintWriter out) {
        for (String o : List.of("--input", "--example", "--plan", "--skip-missing")) {
            if (a.get(o) != null || a.flag(o)) {
                throw new UsageException(o + " gives patient data or a plan; the report on the published trials (--published) uses neither");
            }
        }
        Path folder = a.path("--evidence");
        List<TrialEvidence> trials = folder == null ? Evidence.bundled() : Evidence.read(folder);
        GradeJudgments judgments = GradeJudgments.bundled();
        Path jf = a.path("--judgments");
        if (jf != null) {
            judgments = judgments.withOverrides(GradeJudgments.read(jf.toString(), readFile(jf)));
        }
        double rel = a.number("--ois-effect");
        if (!(rel > 0 && rel < 1)) {
            throw new UsageException("--ois-effect must lie between 0 and 1 (0.25 for a 25% relative effect), not " + a.get("--ois-effect"));
        }
        PublishedRequest req = PublishedRequest.defaults().withJudgments(judgments).withRelativeEffect(rel).withSequential(a.flag("--tsa"));
        if (a.get("--bayes") != null) {
            try {
                String b = a.get("--bayes").trim();
                org.strokemeta.bayes.TauPrior tau = b.equalsIgnoreCase("turner") ? null : org.strokemeta.bayes.TauPrior.parse(b);
                List<Double> t = new java.util.ArrayList<>();
                for (String x : Options.split(a.get("--prob-above"))) {
                    t.add(Double.parseDouble(x));
                }
                req = req.withBayes(new org.strokemeta.study.PublishedBayes.Request(tau, BayesCommand.muPrior(a.get("--mu-prior")), t));
            } catch (NumberFormatException e) {
                throw new UsageException("--prob-above and --mu-prior take numbers: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        PublishedAnalysis.Result r = Evidence.analyse(trials, req);
        String prov = "Evidence: " + (folder == null ? "bundled evidence base of strokemeta " + Version.get() : folder.toString())
                + (jf == null ? "" : "; judgments: " + jf) + "; generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " by strokemeta report " + String.join(" ", a.raw()) + ".";
        Path[] files = write(a, "strokemeta-published", PublishedHtml.render(r, prov), JsonReport.write(PublishedJson.json(r, prov)));
        long n = trials.stream().filter(t -> "trial".equals(t.kind())).count();
        out.println("Published evidence: " + n + " randomised trials in " + r.findings().rows().stream().map(x -> x.population()).distinct().count()
                + " populations");
        for (SummaryOfFindings.Row x : r.findings().rows()) {
            if (x.certainty() != null && x.outcome().equals("mrs_0_2")) {
                out.println("  " + Fmt.pad(x.population().label(), 12) + " mRS 0-2: RR " + Fmt.f(x.estimate(), 2) + " [" + Fmt.f(x.lower(), 2) + ", "
                        + Fmt.f(x.upper(), 2) + "], " + x.trials() + (x.trials() == 1 ? " trial" : " trials") + ", certainty " + x.certainty().label()
                        + (x.provisional() ? " (provisional: risk of bias not assessed)" : ""));
            }
        }
        out.println("Wrote " + files[0] + " and " + files[1]);
        out.flush();
        return 0;
    }

    /** Writes BASE.html and BASE.json into --out-dir (created when missing); BASE is --name or the default given. */
    private static Path[] write(Args a, String defaultName, String html, String json) {
        Path dir = a.path("--out-dir");
        String base = a.get("--name") == null ? defaultName : a.get("--name");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileProblem.writing(dir, e);
        }
        Path[] files = {dir.resolve(base + ".html"), dir.resolve(base + ".json")};
        FileProblem.writeString(files[0], html);
        FileProblem.writeString(files[1], json);
        return files;
    }

    static byte[] readFile(Path p) {
        return FileProblem.readAllBytes(p);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A progress bar on the terminal (only when there is one). */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private final int total;
        private int done;

        Progress(PrintWriter err, boolean terminal, int total) {
            this.err = err;
            this.terminal = terminal;
            this.total = total;
        }

        void step(String what) {
            if (!terminal) {
                return;
            }
            int width = 30;
            int filled = Math.min(width, width * done / Math.max(1, total));
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + String.format("%-40s", what));
            err.flush();
            done++;
        }

        void done() {
            if (terminal) {
                err.print("\r" + " ".repeat(75) + "\r");
                err.flush();
            }
        }
    }
}

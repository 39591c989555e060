package org.strokemeta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FitControl;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;

/** The option groups shared by the aggregate-data commands, and what they turn into. */
final class Options {
    private Options() {
    }

    /** How a data file of another format is read: its format, an Excel sheet, value labels. */
    static final List<Opt> READING = List.of(
            Opt.value("--input-format", "FMT", "The input file's format when its extension does not say: csv, xlsx, sas7bdat, xpt, dta, sav, parquet, rm5, zip.", null),
            Opt.value("--sheet", "NAME|N", "An Excel workbook's sheet, by name or position from 1 (default: the first).", null),
            Opt.flag("--keep-codes", "Keep the codes of labelled values (Stata and SPSS value labels, SAS formats) instead of their labels."),
            Opt.value("--sas-catalog", "FILE", "A SAS format catalog (.sas7bcat) whose formats decode a SAS data set's codes (default: NAME.sas7bcat "
                    + "or formats.sas7bcat beside the data set, when there is one).", null),
            Opt.value("--mapping", "FILE", "Instead of --input: several trials' files harmonised by this mapping (docs/harmonisation.md).", null));

    static final List<Opt> INPUT = concat(List.of(
            Opt.value("--input", "-i", "FILE", "Data file with one row per study (columns: docs/input.md): CSV, Excel .xlsx, SAS "
                    + ".sas7bdat or .xpt, Stata .dta, SPSS .sav, Parquet.", null),
            Opt.value("--example", "NAME", "Use a bundled data set instead of a file (list: strokemeta examples).", null)), READING);

    static final List<Opt> ANALYSIS = List.of(
            Opt.value("--measure", "M", "Effect measure, as metafor's escalc: " + Measure.names()
                    + " (docs/methods.md). Default: from the columns (binary OR, continuous MD, estimates GEN, proportions PLO, "
                    + "rates IRLN, two-arm rates IRR, pre-post SMCR, correlations ZCOR).", null),
            Opt.value("--model", "fixed|random", "Fixed-effect or random-effects model.", "random"),
            Opt.value("--fixed-method", "IV|MH|PETO", "Pooling of a fixed-effect model: inverse variance, Mantel-Haenszel or Peto.", "IV"),
            Opt.value("--tau2", "METHOD", "tau² estimator: DL, REML, ML, PM, PMM, SJ, HE, HS, HSk, EB, DLIT, SJIT, GENQ or GENQM "
                    + "(GENQ and GENQM need --weights).", "REML"),
            Opt.value("--tau2-value", "X", "Fix tau² at this value instead of estimating it (metafor's tau2=).", null),
            Opt.value("--tau2-start", "X", "Start value of the iterative tau² estimators (ML, REML, EB, DLIT, SJIT; SJ's first step).", null),
            Opt.value("--weights", "COLUMN", "User weights from this column for the estimate (sandwich variance; metafor's weights=); "
                    + "GENQ and GENQM use them for tau².", null),
            Opt.flag("--unweighted", "Estimate the coefficients by unweighted least squares (metafor's weighted=FALSE)."),
            Opt.value("--ci", "z|knha", "Wald z, or Hartung-Knapp-Sidik-Jonkman (t with k-p df) tests and intervals.", "z"),
            Opt.value("--level", "L", "Confidence level.", "0.95"),
            Opt.value("--add", "X", "Continuity correction added to each cell of a 2x2 table with a zero (to the events and "
                    + "non-events of a single arm, to the events of rates). Default: 0.5, or 0 for AS, PAS, PFT, IRS and IRFT (metafor's).", null),
            Opt.value("--to", "WHERE", "Studies that get the correction: only0, all, if0all or none.", "only0"),
            Opt.flag("--drop00", "Leave out studies with no events (or only events) in both arms."),
            Opt.value("--scale", "auto|ratio|absolute", "Scale of generic estimates: ratio (hazard, odds or risk ratios as papers "
                    + "print them: analysed on the log scale, shown as ratios), absolute (differences: analysed as given), or auto: "
                    + "estimates with intervals are read as ratios when the intervals are symmetric on the log scale and as "
                    + "differences when symmetric on the natural scale (the output says which); yi is taken as given.", "auto"),
            Opt.flag("--ratio", "The same as --scale ratio."),
            Opt.value("--input-ci-level", "L", "Level of the confidence intervals given in the input.", "0.95"),
            Opt.value("--max-iter", "N", "Iteration limit of the tau² estimators.", "100"),
            Opt.value("--threshold", "X", "Convergence threshold on the change in tau² (metafor's default is 1e-5).", "1e-10"),
            Opt.flag("--no-fallback", "Report Fisher scoring that does not converge as a failure (as metafor does) instead of "
                    + "solving the score equation by a bracketing method."),
            Opt.flag("--no-tau2-ci", "Skip the Q-profile confidence intervals of tau² and I²."));

    static final List<Opt> OUTPUT = List.of(
            Opt.value("--format", "text|json|csv", "Output format.", "text"),
            Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null),
            Opt.value("--max-rows", "N", "Studies shown in a text study table before it is shortened (JSON and CSV hold all).", "60"));

    static List<Opt> concat(List<Opt>... groups) {
        List<Opt> all = new ArrayList<>();
        for (List<Opt> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    static Examples.Example example(Args a) {
        return a.get("--example") == null ? null : Examples.get(a.get("--example"));
    }

    static Table read(Args a) {
        Path input = a.path("--input");
        String example = a.get("--example");
        if (input != null && example != null) {
            throw new UsageException("give either --input or --example, not both");
        }
        if (example != null) {
            if (a.get("--mapping") != null) {
                throw new UsageException("give either --mapping or --example, not both");
            }
            return Examples.table(Examples.get(example));
        }
        if (a.get("--mapping") != null) {
            if (input != null) {
                throw new UsageException("give either --mapping or --input, not both");
            }
            return harmonised(a);
        }
        if (input == null) {
            throw new UsageException("no data: give --input FILE.csv or --example NAME");
        }
        return readFile(a, input);
    }

    /**
     * The data an engine reads: the --input path or table name, or a bundled example in memory. The options that read
     * files of other formats belong to this machine's reader.
     */
    static Engine.Input engineInput(Args a) {
        Engine e = a.engine();
        for (String o : List.of("--mapping", "--sheet", "--input-format", "--sas-catalog")) {
            if (a.get(o) != null) {
                throw new UsageException(o + " is for files read by ./strokemeta; " + e.launcher() + " reads CSV, Parquet or a"
                        + " table by name (convert other formats first: docs/spark.md)");
            }
        }
        if (a.flag("--keep-codes")) {
            throw new UsageException("--keep-codes is for files read by ./strokemeta; " + e.launcher() + " reads CSV, Parquet"
                    + " or a table by name");
        }
        String input = a.get("--input");
        String example = a.get("--example");
        if (input != null && example != null) {
            throw new UsageException("give either --input or --example, not both");
        }
        if (example != null) {
            return new Engine.Input(example, Examples.table(Examples.get(example)));
        }
        if (input == null) {
            throw new UsageException("no data: give --input FILE.csv, FILE.parquet or a table name, or --example NAME");
        }
        return new Engine.Input(input, null);
    }

    /** The trials of --mapping harmonised in memory (the values left blank are in the table's notes). */
    static Table harmonised(Args a) {
        return org.strokemeta.formats.Harmonisation.run(a.path("--mapping")).table();
    }

    /** Reads a data file of any format strokemeta knows, as the options say. */
    static Table readFile(Args a, Path input) {
        return org.strokemeta.formats.DataFiles.read(input, readOptions(a));
    }

    /** The reading options of the command line. */
    static org.strokemeta.formats.ReadOptions readOptions(Args a) {
        org.strokemeta.formats.ReadOptions o = org.strokemeta.formats.ReadOptions.defaults().withSheet(a.get("--sheet"))
                .withKeepCodes(a.flag("--keep-codes")).withCatalog(a.path("--sas-catalog"));
        if (a.get("--input-format") != null) {
            try {
                o = o.withFormat(org.strokemeta.formats.FileFormat.parse(a.get("--input-format")));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return o;
    }

    static MetaOptions metaOptions(Args a) {
        return new MetaOptions(Model.parse(a.get("--model")), FixedMethod.parse(a.get("--fixed-method")),
                Tau2Method.parse(a.get("--tau2")), CiMethod.parse(a.get("--ci")), a.number("--level"),
                new FitControl(a.number("--threshold"), a.integer("--max-iter"), 1.0, true, !a.flag("--no-fallback"),
                        a.get("--tau2-start") == null ? Double.NaN : a.number("--tau2-start")),
                a.get("--tau2-value") == null ? Double.NaN : a.number("--tau2-value"), a.get("--weights"), !a.flag("--unweighted"));
    }

    static MetaRequest request(Args a) {
        Examples.Example ex = example(a);
        String measure = a.get("--measure");
        Measure m = measure != null ? Measure.parse(measure) : ex != null && ex.isAggregate() ? Measure.parse(ex.measure()) : null;
        StudyLoader.Scale scale;
        try {
            scale = StudyLoader.Scale.parse(a.get("--scale"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scale must be auto, ratio or absolute, not '" + a.get("--scale") + "'");
        }
        if (a.flag("--ratio")) {
            if (scale == StudyLoader.Scale.ABSOLUTE) {
                throw new UsageException("--ratio and --scale absolute contradict each other");
            }
            scale = StudyLoader.Scale.RATIO;
        } else if (scale == StudyLoader.Scale.AUTO && ex != null && ex.ratio() && measure == null) {
            scale = StudyLoader.Scale.RATIO;
        }
        // without --add, the measure's default amount (the core's Continuity.defaults(m), which withMeasure sets)
        MetaRequest r = MetaRequest.defaults().withMeasure(m);
        double add = a.get("--add") == null ? r.continuity().add() : a.number("--add");
        return r
                .withOptions(metaOptions(a))
                .withContinuity(new Continuity(add, Continuity.To.parse(a.get("--to")), a.flag("--drop00")))
                .withGenericInput(new StudyLoader.GenericInput(scale, a.number("--input-ci-level")))
                .withTau2Ci(!a.flag("--no-tau2-ci"));
    }

    static String format(Args a, boolean csvAllowed) {
        String f = a.get("--format").toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json") && !(csvAllowed && f.equals("csv"))) {
            throw new UsageException("unknown format '" + a.get("--format") + "' (expected text, json" + (csvAllowed ? " or csv" : "") + ")");
        }
        return f;
    }

    static int maxRows(Args a) {
        return a.integer("--max-rows");
    }

    /** Output that writes itself (large JSON documents are streamed, not built as one string). */
    @FunctionalInterface
    interface Body {
        void writeTo(java.io.Writer w) throws IOException;
    }

    /** Output that writes itself as UTF-8 bytes. */
    @FunctionalInterface
    interface Bytes {
        void writeTo(java.io.OutputStream o) throws IOException;
    }

    /**
     * Writes output that can go as text or as UTF-8 bytes (the same document): bytes to a file and to
     * standard output, text to any other writer.
     */
    static void write(Args a, PrintWriter terminal, Body text, Bytes bytes) {
        Path out = a.path("--out");
        try {
            if (out == null) {
                if (terminal instanceof Terminal t) {
                    java.io.OutputStream o = t.bytes();
                    bytes.writeTo(o);
                    o.flush();
                } else {
                    text.writeTo(terminal);
                    terminal.flush();
                }
                return;
            }
            org.strokemeta.data.FileProblem.checkWritable(out);
            try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                bytes.writeTo(o);
            }
        } catch (IOException e) {
            if (out == null) {
                throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
            }
            throw org.strokemeta.data.FileProblem.writing(out, e);
        }
    }

    /** Writes a figure to the file an option names (SVG, PNG or PDF by its extension), if it names one; says so on err. */
    static void figure(Args a, String option, String svg, PrintWriter err) {
        Path file = a.path(option);
        if (file == null) {
            return;
        }
        org.strokemeta.plot.Raster.write(svg, file, org.strokemeta.plot.Raster.Format.of(file), a.integer("--dpi"));
        err.println("Wrote " + file);
        err.flush();
    }

    static void write(Args a, PrintWriter terminal, String text) {
        write(a, terminal, w -> w.write(text));
    }

    static void write(Args a, PrintWriter terminal, Body body) {
        write(a, terminal, body, o -> {
            java.io.Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
            body.writeTo(w);
            w.flush();
        });
    }

    /** Parses a category merge written as "5-6" (null when not given). */
    static CategoryMerge merge(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.trim().split("-");
        try {
            if (p.length != 2) {
                throw new NumberFormatException();
            }
            return new CategoryMerge(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw new UsageException("--merge needs two categories such as 5-6, not '" + s + "'");
        }
    }

    static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}

package org.strokemeta.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.WrongDataKind;
import org.strokemeta.report.Version;

/**
 * The command line: {@code strokemeta meta|ipd|bias|loo|cumulative|verify|examples|bench|help}.
 *
 * <p>Exit status: 0 success; 1 qualification failures ({@code verify}); 2 bad input or usage;
 * 3 results that are not valid (an estimator did not converge, or a batch group could not be
 * analysed); 4 an internal error or too little memory. Input problems are printed as one clear
 * sentence, never as a stack trace (an internal error's trace only with STROKEMETA_DEBUG=1).
 *
 * <p>The parser is a small one of the product's own: a general command-line library costs a
 * quarter of a second of start-up, more than half of the time budget of a whole batch run.
 */
public final class Main {
    /** Exit status for bad input or usage. */
    public static final int EXIT_INPUT = 2;
    /** Exit status when results are not valid (non-convergence, groups not analysed). */
    public static final int EXIT_INVALID = 3;
    /** Exit status for an internal error or too little memory. */
    public static final int EXIT_INTERNAL = 4;

    private Main() {
    }

    static List<Command> commands() {
        return List.of(new MetaCommand(), new IpdCommand(), new BiasCommand(), new SeriesCommand(false), new SeriesCommand(true), new InfluenceCommand(), new GoshCommand(), new MixedCommand(), new BayesCommand(), new TsaCommand(), new MultilevelCommand(), new MultivariateCommand(), new NetworkCommand(), new GlmmCommand(),
                new VerifyCommand(), new ExamplesCommand(), new DictionaryCommand(), new HarmoniseCommand(), new SimulateCommand(), new PowerCommand(), new ReportCommand(), new PublishedCommand(), new EvidenceCommand(), new PlotCommand(), new ServeCommand(), new LoadCommand(), new BenchCommand(), new SelfTestCommand());
    }

    public static void main(String[] args) {
        prepareInBackground();
        PrintWriter out = new Terminal(System.out);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Start-up work done on a second core while the main thread parses the command line and reads
     * the input: the first lambda of a run makes the JVM build its method-handle machinery (about
     * 10 ms even with class-data sharing), and the first formatted number initialises the formatter.
     * Both are shared by every thread, so the main thread later finds them ready. (An anonymous class,
     * not a lambda, so that starting the thread does not itself need that machinery.) This thread is the
     * command-line front end's own start-up concern and does no analysis: the core starts no threads,
     * and its parallel work runs on the {@code Execution} of each request (the library's pool here).
     */
    static void prepareInBackground() {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                java.util.function.DoubleUnaryOperator twice = v -> 2 * v;
                java.util.Comparator<String> order = String::compareTo;
                if (twice.applyAsDouble(order.compare("a", "b")) > 0) {
                    throw new AssertionError();
                }
                String.format(java.util.Locale.ROOT, "%.3e", 1.0);
            }
        }, "prepare");
        t.setDaemon(true);
        t.start();
    }

    /** Runs the command line with the given streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /**
     * Runs {@code meta} or {@code ipd} with the given engine reading the data and computing (a Spark launcher): the
     * options, checks, messages, output and exit status are the command line's.
     *
     * @param args   the command and its options
     * @param out    standard output
     * @param err    standard error
     * @param engine where the data are read and the analyses computed; null for this machine
     * @return the exit status: 0 success, 2 bad input or usage, 3 results not valid, 4 internal error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Engine engine) {
        try {
            return dispatch(args, out, err, engine);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            boolean known = args.length > 0 && commands().stream().anyMatch(c -> c.name().equals(args[0]) || c.aliases().contains(args[0]));
            err.println("(see: " + (engine == null ? "strokemeta" : engine.launcher()) + " " + (known ? args[0] + " " : "") + "--help)");
            return EXIT_INPUT;
        } catch (WrongDataKind e) {
            err.println("error: " + advice(e));
            return EXIT_INPUT;
        } catch (InputException | IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("error: not enough memory for this analysis (the Java heap is full); give Java more with "
                    + "STROKEMETA_JAVA_OPTS=-Xmx8g, or analyse a smaller file");
            return EXIT_INTERNAL;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("error: an internal error stopped the run: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + " (STROKEMETA_DEBUG=1 prints the details)");
            if (System.getenv("STROKEMETA_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Data of another kind than the command takes: the command that takes them, with the file to give it. */
    static String advice(WrongDataKind e) {
        String src = e.source();
        String problem = switch (e.kind()) {
            case STROKE_PATIENTS -> "these are patient-level thrombectomy trial data (one row per patient): use "
                    + "strokemeta report, or strokemeta ipd, with --input " + src;
            case PATIENTS -> "these look like patient-level data (one row per patient): use strokemeta ipd --input " + src;
            case NETWORK_ARMS, NETWORK_CONTRASTS -> "these are the arms or contrasts of a network of treatments: use strokemeta network "
                    + "--input " + src;
            case MRS_TABLE -> "these are tabulated mRS distributions (one row per trial and arm): use strokemeta meta --input "
                    + src + ", which runs the mRS shift analysis";
            default -> e.problem();
        };
        return InputException.of(src, problem).getMessage();
    }

    /** The commands an engine runs. */
    static final List<String> ENGINE_COMMANDS = List.of("meta", "ipd");

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err, Engine engine) {
        if (engine != null && args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help")
                && !ENGINE_COMMANDS.contains(args[0])) {
            find(args[0]);
            throw new UsageException(engine.launcher() + " runs " + String.join(" and ", ENGINE_COMMANDS) + "; run "
                    + args[0] + " with ./strokemeta");
        }
        if (args.length == 0) {
            err.print(usage());
            err.println("error: say which command to run (for example: strokemeta report)");
            return EXIT_INPUT;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            out.print(usage());
            return 0;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            out.println("strokemeta " + Version.get());
            return 0;
        }
        if (args[0].equals("help")) {
            if (args.length == 1) {
                out.print(usage());
                return 0;
            }
            out.print(find(args[1]).help());
            return 0;
        }
        Command c = find(args[0]);
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                out.print(c.help());
                return 0;
            }
        }
        Args a = Args.parse(c.allOptions(), args, 1, c.maxPositional(), c.name()).withEngine(engine);
        return c.run(a, out, err);
    }

    static Command find(String name) {
        for (Command c : commands()) {
            if (c.name().equals(name) || c.aliases().contains(name)) {
                return c;
            }
        }
        List<String> names = new java.util.ArrayList<>();
        for (Command c : commands()) {
            names.add(c.name());
        }
        names.add("help");
        throw new UsageException("unknown command '" + org.strokemeta.data.InputException.shorten(name, 80) + "' (commands: " + String.join(", ", names) + ")");
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("strokemeta ").append(Version.get()).append(": meta-analysis of randomised stroke trials, numerically equal to R's metafor.\n\n");
        sb.append("Usage: strokemeta COMMAND [OPTIONS]\n\nCommands:\n");
        for (Command c : commands()) {
            sb.append("  ").append(String.format("%-12s", c.name())).append(c.summary()).append('\n');
        }
        sb.append("  ").append(String.format("%-12s", "help")).append("Show the help of a command: strokemeta help meta\n");
        sb.append("\nstrokemeta --version prints the version. Exit status: 0 success, 1 qualification failures,\n"
                + "2 bad input or usage, 3 results not valid (non-convergence, batch groups not analysed),\n"
                + "4 internal error or too little memory.\n");
        return sb.toString();
    }
}

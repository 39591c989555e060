package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.study.MetaRun;

/**
 * {@code strokemeta bench}: times the analysis in this process, apart from start-up and output,
 * repeated after warm-up, to compare the engine's compute with other software on the same file.
 * (Whole-process timings are made by bench/run.sh.)
 */
final class BenchCommand extends Command {
    @Override
    String name() {
        return "bench";
    }

    @Override
    String summary() {
        return "Time the analysis of a file in this process (reading and compute, median of repetitions).";
    }

    @Override
    String description() {
        return "Times reading the file and the analysis (effects, pooling, heterogeneity) in this process, after warm-up\n"
                + "repetitions, and prints the median and range. Whole-process timings (start-up and output included) are\n"
                + "made by bench/run.sh; see docs/benchmarks.md.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(MetaCommand.BY), Options.ANALYSIS, List.of(
                Opt.value("--multilevel", "FORMULA", "Time a multilevel model instead (strokemeta multilevel), with this random structure, "
                        + "for example \"~ 1 | study/es_id\"; --mods adds moderators.", null),
                Opt.value("--mods", "COLUMNS", "With --multilevel: moderator columns.", null),
                Opt.value("--reps", "N", "Timed repetitions.", "20"),
                Opt.value("--warmup", "N", "Untimed repetitions first.", "5")));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        int reps = a.integer("--reps");
        int warm = a.integer("--warmup");
        if (reps < 1 || warm < 0) {
            throw new UsageException("--reps must be at least 1 and --warmup at least 0");
        }
        if (a.get("--multilevel") != null) {
            return multilevel(a, out, reps, warm);
        }
        MetaRequest req = Options.request(a).withBy(a.get("--by"));
        int n = warm + reps;
        double[] read = new double[n];
        double[] effects = new double[n];
        double[] pool = new double[n];
        int rows = 0;
        boolean valid = true;
        for (int r = 0; r < n; r++) {
            long t0 = System.nanoTime();
            Table t = Options.read(a);
            long t1 = System.nanoTime();
            rows = t.rows();
            if (req.by() != null) {
                List<MetaRun.Outcome> o = Meta.analyze(t, req);
                effects[r] = Double.NaN;
                pool[r] = (System.nanoTime() - t1) / 1e6;
                valid &= o.stream().allMatch(MetaRun.Outcome::valid);
            } else {
                EffectSizes es = Meta.effects(t, req);
                long t2 = System.nanoTime();
                MetaResult m = Meta.analyze(es, req).result();
                long t3 = System.nanoTime();
                effects[r] = (t2 - t1) / 1e6;
                pool[r] = (t3 - t2) / 1e6;
                valid &= m.converged();
            }
            read[r] = (t1 - t0) / 1e6;
        }
        out.printf(Locale.ROOT, "%d rows, %s%s, %d timed repetitions after %d warm-up%n", rows, req.options().describe(),
                req.tau2Ci() ? ", with Q-profile CI" : "", reps, warm);
        out.println("read CSV:                   " + summary(Arrays.copyOfRange(read, warm, n)));
        if (req.by() == null) {
            out.println("check data, effect sizes:   " + summary(Arrays.copyOfRange(effects, warm, n)));
            out.println("pooling (tau², estimate):   " + summary(Arrays.copyOfRange(pool, warm, n)));
        } else {
            out.println("all analyses (per group):   " + summary(Arrays.copyOfRange(pool, warm, n)));
        }
        if (!valid) {
            out.println("note: some results are not valid (see strokemeta meta)");
        }
        out.flush();
        return 0;
    }

    /** Times reading the file and fitting the multilevel model (REML). */
    private static int multilevel(Args a, PrintWriter out, int reps, int warm) {
        org.strokemeta.multivariate.MultilevelOptions o;
        try {
            o = org.strokemeta.multivariate.MultilevelOptions.of(a.get("--multilevel")).withModerators(Options.split(a.get("--mods")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int n = warm + reps;
        double[] read = new double[n];
        double[] fit = new double[n];
        org.strokemeta.multivariate.MultilevelResult last = null;
        int rows = 0;
        for (int r = 0; r < n; r++) {
            long t0 = System.nanoTime();
            Table t = Options.read(a);
            long t1 = System.nanoTime();
            rows = t.rows();
            last = org.strokemeta.multivariate.Multilevel.fit(t, o);
            read[r] = (t1 - t0) / 1e6;
            fit[r] = (System.nanoTime() - t1) / 1e6;
        }
        out.printf(Locale.ROOT, "%d rows, multilevel REML %s, %d timed repetitions after %d warm-up%n", rows, String.join("/", o.levels()), reps, warm);
        out.println("read CSV:                   " + summary(Arrays.copyOfRange(read, warm, n)));
        out.println("fit (REML, tests):          " + summary(Arrays.copyOfRange(fit, warm, n)));
        StringBuilder est = new StringBuilder();
        for (var c : last.coefficients()) {
            est.append(String.format(Locale.ROOT, " %s %.10f (se %.10f);", c.name(), c.estimate(), c.se()));
        }
        out.printf(Locale.ROOT, "estimates:%s sigma2 %s; logLik %.8f%n", est, Arrays.toString(last.sigma2()), last.logLik());
        if (!last.converged()) {
            out.println("note: the fit did not converge: " + last.message());
        }
        out.flush();
        return 0;
    }

    private static String summary(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double med = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, "median %.3f ms (min %.3f, max %.3f)", med, s[0], s[s.length - 1]);
    }
}

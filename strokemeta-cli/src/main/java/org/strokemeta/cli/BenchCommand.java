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

    private static String summary(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double med = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, "median %.3f ms (min %.3f, max %.3f)", med, s[0], s[s.length - 1]);
    }
}

package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.Model;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.TsaReport;
import org.strokemeta.sequential.TrialSequential;
import org.strokemeta.sequential.TsaOptions;
import org.strokemeta.sequential.TsaResult;
import org.strokemeta.study.MetaRequest;

/** {@code strokemeta tsa}: trial sequential analysis of a binary outcome. */
final class TsaCommand extends Command {
    @Override
    String name() {
        return "tsa";
    }

    @Override
    String summary() {
        return "Trial sequential analysis of a binary outcome: required information size, cumulative z-curve, Lan-DeMets "
                + "monitoring and futility boundaries.";
    }

    @Override
    String description() {
        return summary() + "\n\nThe trials are added in the order of the file (sort it by publication date). The required information size\n"
                + "comes from the anticipated control event proportion and relative risk reduction, two-sided alpha and power,\n"
                + "corrected for heterogeneity by D² (the data's diversity) or a stated I². The z-curve is the cumulative\n"
                + "Mantel-Haenszel (--model fixed) or DerSimonian-Laird (--model random) meta-analysis. Boundaries: Lan-DeMets\n"
                + "O'Brien-Fleming-type alpha spending at the information actually reached, by recursive numerical integration;\n"
                + "--futility adds O'Brien-Fleming-type beta-spending futility boundaries (non-binding).";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--control-risk", "P", "Anticipated control event proportion, for example 0.2 (required).", null),
                Opt.value("--rrr", "R", "Anticipated relative risk reduction, for example 0.2 (required).", null),
                Opt.value("--alpha", "A", "Two-sided type I error.", "0.05"),
                Opt.value("--power", "P", "Power (1 - beta).", "0.8"),
                Opt.value("--heterogeneity", "none|D2|I2", "Correction of the required information size.", "D2"),
                Opt.value("--i2", "PERCENT", "The stated I² for --heterogeneity I2.", null),
                Opt.flag("--futility", "Add beta-spending futility boundaries."),
                Opt.value("--plot", "FILE", "Also write the TSA plot (.svg, .png or .pdf).", null),
                Opt.value("--dpi", "N", "Resolution of a PNG plot.", "300"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        if (a.get("--control-risk") == null || a.get("--rrr") == null) {
            throw new UsageException("--control-risk and --rrr are required: the anticipated control event proportion and relative "
                    + "risk reduction, for example --control-risk 0.2 --rrr 0.2");
        }
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        EffectSizes es = Meta.effects(t, req);
        TsaOptions o;
        try {
            TsaOptions.Heterogeneity h = TsaOptions.Heterogeneity.parse(a.get("--heterogeneity"));
            if (h == TsaOptions.Heterogeneity.I2 && a.get("--i2") == null) {
                throw new IllegalArgumentException("--heterogeneity I2 needs the stated I² (--i2 PERCENT)");
            }
            o = new TsaOptions(a.number("--control-risk"), a.number("--rrr"), a.number("--alpha"), a.number("--power"), h,
                    a.get("--i2") == null ? 0 : a.number("--i2"), a.flag("--futility"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        TsaResult r;
        try {
            r = TrialSequential.analyze(es, req.options().model() == Model.RANDOM, o);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Options.figure(a, "--plot", org.strokemeta.Figures.tsa(r), err);
        Options.write(a, out, format.equals("json") ? JsonReport.write(TsaReport.json(t.source(), r)) : TsaReport.text(r));
        return 0;
    }
}

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
        return "Trial sequential analysis: required information size, cumulative z-curve, Lan-DeMets monitoring and futility "
                + "boundaries (binary, continuous and mRS shift outcomes).";
    }

    @Override
    String description() {
        return summary() + "\n\nBinary outcomes (--control-risk, --rrr), continuous ones (--mean-difference, --sd) and the mRS shift of\n"
                + "tabulated distributions (--cor: Whitehead's information size, the two-stage log common odds ratios as the z-curve).\n"
                + "The trials are added in the order of the file (sort it by publication date). The required information size\n"
                + "comes from the anticipated control event proportion and relative risk reduction, two-sided alpha and power,\n"
                + "corrected for heterogeneity by D² (the data's diversity) or a stated I². The z-curve is the cumulative\n"
                + "Mantel-Haenszel (--model fixed) or DerSimonian-Laird (--model random) meta-analysis. Boundaries: Lan-DeMets\n"
                + "O'Brien-Fleming-type (or, with --spending pocock, Pocock-type) alpha spending at the information actually reached,\n"
                + "by recursive numerical integration;\n"
                + "--futility adds O'Brien-Fleming-type beta-spending futility boundaries (non-binding).";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--control-risk", "P", "Binary outcome: anticipated control event proportion, for example 0.2.", null),
                Opt.value("--rrr", "R", "Binary outcome: anticipated relative risk reduction, for example 0.2.", null),
                Opt.value("--mean-difference", "D", "Continuous outcome: anticipated mean difference.", null),
                Opt.value("--sd", "S", "Continuous outcome: anticipated standard deviation in each arm.", null),
                Opt.value("--cor", "C", "mRS shift (tabulated distributions): anticipated common odds ratio (above 1: better outcomes).", null),
                Opt.value("--control-distribution", "P0,P1,...", "mRS shift: anticipated control distribution (default: the data's "
                        + "pooled control arms).", null),
                Opt.value("--merge", "A-B", "Tabulated mRS distributions: merge categories A to B.", null),
                Opt.value("--alpha", "A", "Two-sided type I error.", "0.05"),
                Opt.value("--power", "P", "Power (1 - beta).", "0.8"),
                Opt.value("--heterogeneity", "none|D2|I2", "Correction of the required information size.", "D2"),
                Opt.value("--i2", "PERCENT", "The stated I² for --heterogeneity I2.", null),
                Opt.flag("--futility", "Add beta-spending futility boundaries."),
                Opt.value("--spending", "obf|pocock", "Lan-DeMets spending function: O'Brien-Fleming or Pocock type.", "obf"),
                Opt.value("--plot", "FILE", "Also write the TSA plot (.svg, .png or .pdf).", null),
                Opt.value("--dpi", "N", "Resolution of a PNG plot.", "300"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        boolean random = req.options().model() == Model.RANDOM;
        boolean shift = org.strokemeta.data.DataKind.of(t) == org.strokemeta.data.DataKind.MRS_TABLE;
        String head = "";
        TsaResult r;
        try {
            TsaOptions.Heterogeneity h = TsaOptions.Heterogeneity.parse(a.get("--heterogeneity"));
            if (h == TsaOptions.Heterogeneity.I2 && a.get("--i2") == null) {
                throw new IllegalArgumentException("--heterogeneity I2 needs the stated I² (--i2 PERCENT)");
            }
            double i2 = a.get("--i2") == null ? 0 : a.number("--i2");
            org.strokemeta.sequential.Spending sp = org.strokemeta.sequential.Spending.parse(a.get("--spending"));
            if (shift) {
                if (a.get("--cor") == null) {
                    throw new IllegalArgumentException("tabulated mRS distributions: give the anticipated common odds ratio (--cor, for "
                            + "example 1.5) and, if not the data's pooled control arms, the control distribution (--control-distribution)");
                }
                var sa = org.strokemeta.Shift.analyze(t, org.strokemeta.study.ShiftRequest.defaults().withPoTest(false)
                        .withMerge(Options.merge(a.get("--merge"))));
                double[] control;
                if (a.get("--control-distribution") != null) {
                    java.util.List<String> parts = Options.split(a.get("--control-distribution"));
                    control = new double[parts.size()];
                    for (int j = 0; j < control.length; j++) {
                        control[j] = Double.parseDouble(parts.get(j));
                    }
                } else {
                    control = TrialSequential.pooledControl(sa.table());
                    head = "anticipated control distribution: the pooled control arms of the data\n";
                }
                TsaOptions o = new TsaOptions(new org.strokemeta.sequential.Target.Ordinal(control, a.number("--cor")), a.number("--alpha"),
                        a.number("--power"), h, i2, a.flag("--futility"), sp);
                r = TrialSequential.analyze(sa, random, o);
            } else {
                org.strokemeta.sequential.Target target;
                if (a.get("--mean-difference") != null || a.get("--sd") != null) {
                    if (a.get("--mean-difference") == null || a.get("--sd") == null) {
                        throw new IllegalArgumentException("a continuous outcome needs both --mean-difference and --sd");
                    }
                    target = new org.strokemeta.sequential.Target.Continuous(a.number("--mean-difference"), a.number("--sd"));
                } else if (a.get("--control-risk") != null && a.get("--rrr") != null) {
                    target = new org.strokemeta.sequential.Target.Binary(a.number("--control-risk"), a.number("--rrr"));
                } else {
                    throw new IllegalArgumentException("--control-risk and --rrr are required for a binary outcome (the anticipated control "
                            + "event proportion and relative risk reduction, for example --control-risk 0.2 --rrr 0.2); --mean-difference and "
                            + "--sd for a continuous one; --cor for tabulated mRS distributions");
                }
                EffectSizes es = Meta.effects(t, req);
                r = TrialSequential.analyze(es, random, new TsaOptions(target, a.number("--alpha"), a.number("--power"), h, i2,
                        a.flag("--futility"), sp));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Options.figure(a, "--plot", org.strokemeta.Figures.tsa(r), err);
        Options.write(a, out, format.equals("json") ? JsonReport.write(TsaReport.json(t.source(), r)) : head + TsaReport.text(r));
        return 0;
    }
}

package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.report.Fmt;
import org.strokemeta.ordinal.ShiftPower;
import org.strokemeta.simulation.SimulationSpec;

/** {@code strokemeta power}: power and sample size of a planned shift-analysis trial. */
final class PowerCommand extends Command {
    @Override
    String name() {
        return "power";
    }

    @Override
    String summary() {
        return "Power of a planned trial analysed by the mRS shift: Whitehead's formula and simulation.";
    }

    @Override
    List<Opt> options() {
        return List.of(
                Opt.value("--cor", "OR", "Common odds ratio to detect (> 1 = shift toward better outcomes).", "2.0"),
                Opt.value("--n-per-arm", "N", "Patients per arm.", "100"),
                Opt.value("--n-treatment", "N", "Patients in the treatment arm (with --n-control, instead of --n-per-arm).", null),
                Opt.value("--n-control", "N", "Patients in the control arm.", null),
                Opt.value("--control", "P0,...,P6", "Expected control-arm distribution (shares or percentages); default: the "
                        + "HERMES control arm.", null),
                Opt.value("--alpha", "A", "Two-sided significance level.", "0.05"),
                Opt.value("--target", "POWER", "Also give Whitehead's sample size for this power.", "0.9"),
                Opt.value("--simulations", "R", "Simulated trials (0 for Whitehead's formula only).", "1000"),
                Opt.value("--seed", "S", "Seed of the simulation.", "1"),
                Opt.value("--m2-share", "S", "Share (0 to 1) of the patients with an M2 occlusion, in both arms, whose outcomes "
                        + "follow --m2-control and --m2-cor; the power of the shift analysis of all patients is then simulated.",
                        null),
                Opt.value("--m2-control", "P0,...,P6", "Control-arm distribution of the M2 patients (default: --control).", null),
                Opt.value("--m2-cor", "OR", "Common odds ratio in the M2 patients (default: --cor).", null));
    }

    /** A distribution given as shares or percentages, normalised to sum to 1. */
    private static double[] distribution(Args a, String option) {
        List<String> parts = Options.split(a.get(option));
        double[] p = new double[parts.size()];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            try {
                p[j] = Double.parseDouble(parts.get(j));
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs numbers, not '" + parts.get(j) + "'");
            }
            sum += p[j];
        }
        if (Math.abs(sum - 100) < 0.5) {
            for (int j = 0; j < p.length; j++) {
                p[j] /= 100;
            }
            sum /= 100;
        }
        if (Math.abs(sum - 1) > 1e-3) {
            throw new UsageException("the " + option + " shares sum to " + sum + ", not 1 (or 100%)");
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        double[] control;
        String controlSource;
        if (a.get("--control") != null) {
            control = distribution(a, "--control");
            controlSource = "as given";
        } else {
            control = SimulationSpec.hermes().values("control_mrs", 7);
            controlSource = "HERMES control arm (Goyal et al., Lancet 2016, Figure 1A)";
        }
        int nT = a.get("--n-treatment") != null ? a.integer("--n-treatment") : a.integer("--n-per-arm");
        int nC = a.get("--n-control") != null ? a.integer("--n-control") : a.integer("--n-per-arm");
        ShiftPower.Design d = new ShiftPower.Design(control, a.number("--cor"), nT, nC, a.number("--alpha"));
        StringBuilder sb = new StringBuilder("Power of the ordinal shift analysis (proportional odds, two-sided Wald test)\n");
        sb.append("  control distribution (").append(controlSource).append("): ");
        for (int j = 0; j < control.length; j++) {
            sb.append(j == 0 ? "" : " / ").append(Fmt.f(100 * control[j], 1));
        }
        double[] t = ShiftPower.treatmentDistribution(control, d.cor());
        sb.append(" %\n  treatment distribution at cOR ").append(plain(d.cor())).append(":   ");
        for (int j = 0; j < t.length; j++) {
            sb.append(j == 0 ? "" : " / ").append(Fmt.f(100 * t[j], 1));
        }
        sb.append(" %\n  ").append(nT).append(" treatment + ").append(nC).append(" control patients, alpha ").append(plain(d.alpha()))
                .append("\n");
        ShiftPower.Subgroup m2 = null;
        if (a.get("--m2-share") != null) {
            double[] m2Control = a.get("--m2-control") != null ? distribution(a, "--m2-control") : control;
            double m2Cor = a.get("--m2-cor") != null ? a.number("--m2-cor") : d.cor();
            if (m2Control.length != control.length) {
                throw new UsageException("--m2-control has " + m2Control.length + " categories, the control distribution "
                        + control.length);
            }
            m2 = new ShiftPower.Subgroup(a.number("--m2-share"), m2Control, m2Cor);
            double[] m2T = ShiftPower.treatmentDistribution(m2Control, m2Cor);
            sb.append("  of whom ").append(Fmt.f(100 * m2.share(), 1)).append("% with an M2 occlusion: control ");
            for (int j = 0; j < m2Control.length; j++) {
                sb.append(j == 0 ? "" : " / ").append(Fmt.f(100 * m2Control[j], 1));
            }
            sb.append(" %, treatment at cOR ").append(plain(m2Cor)).append(": ");
            for (int j = 0; j < m2T.length; j++) {
                sb.append(j == 0 ? "" : " / ").append(Fmt.f(100 * m2T[j], 1));
            }
            sb.append(" % (the distributions above are the other patients')\n");
        } else if (a.get("--m2-control") != null || a.get("--m2-cor") != null) {
            throw new UsageException("--m2-control and --m2-cor describe the M2 patients: give their share with --m2-share");
        }
        sb.append('\n');
        int r = a.integer("--simulations");
        if (m2 == null) {
            sb.append("Whitehead's formula (Stat Med 1993): power ").append(Fmt.f(100 * ShiftPower.whitehead(d), 1)).append("%\n");
        } else {
            sb.append("Whitehead's formula assumes one population shifted by one odds ratio: with M2 patients the power is"
                    + " simulated only\n");
            if (r == 0) {
                throw new UsageException("with --m2-share the power is simulated: give --simulations above 0");
            }
        }
        if (r > 0) {
            ShiftPower.Simulated s = ShiftPower.simulate(d, m2, r, (long) a.number("--seed"));
            sb.append("Simulation (").append(r).append(" trials, seed ").append(s.seed()).append("): power ")
                    .append(Fmt.f(100 * s.power(), 1)).append("% (Monte Carlo SE ").append(Fmt.f(100 * s.mcSe(), 1)).append("%)");
            if (s.notFitted() > 0) {
                sb.append("; ").append(s.notFitted()).append(" simulated trials had no finite estimate and count as not significant");
            }
            sb.append('\n');
        }
        if (m2 != null) {
            out.print(sb);
            out.flush();
            return 0;
        }
        double target = a.number("--target");
        double frac = (double) nT / (nT + nC);
        double n = ShiftPower.whiteheadSampleSize(control, d.cor(), target, d.alpha(), frac);
        sb.append("Whitehead's sample size for ").append(Fmt.f(100 * target, 0)).append("% power: ").append((long) Math.ceil(n))
                .append(" patients in all (allocation ").append(Fmt.f(100 * frac, 0)).append("% to treatment)\n");
        out.print(sb);
        out.flush();
        return 0;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

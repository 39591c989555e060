package org.strokemeta.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.strokemeta.simulation.CohortSimulator;
import org.strokemeta.simulation.SimulationSpec;

/** {@code strokemeta simulate}: a seeded, HERMES-like simulated patient-level cohort in the data dictionary's columns. */
final class SimulateCommand extends Command {
    @Override
    String name() {
        return "simulate";
    }

    @Override
    String summary() {
        return "Simulate a HERMES-like patient-level cohort of seven thrombectomy trials (CSV, marked as simulated data).";
    }

    @Override
    String description() {
        return summary() + "\n\nArm sizes and baseline characteristics per trial come from the trials' publications, the\n"
                + "control mRS distribution and the common odds ratio from HERMES (Goyal et al., Lancet 2016); every\n"
                + "parameter and its source (or the word assumption) is listed by --calibration. The same seed always\n"
                + "gives the same file; every row has simulated = 1, and every result made from it says so.";
    }

    @Override
    List<Opt> options() {
        return List.of(
                Opt.value("--seed", "S", "Seed of the random stream.", "2016"),
                Opt.value("--scale", "X", "Multiply every arm's size by X (1 = the published trials).", "1"),
                Opt.flag("--calibration", "List the simulation's parameters with their sources instead of simulating."),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        SimulationSpec spec = SimulationSpec.hermes();
        if (a.flag("--calibration")) {
            StringBuilder sb = new StringBuilder("Simulation calibration (HERMES-like cohort)\n\nTrials\n");
            for (SimulationSpec.TrialSpec t : spec.trials()) {
                sb.append("  ").append(t.name()).append(": ").append(t.nEvt()).append(" thrombectomy, ").append(t.nControl())
                        .append(" control; ").append(t.source()).append('\n');
            }
            sb.append("\nParameters\n");
            for (SimulationSpec.Parameter p : spec.parameters().values().stream()
                    .sorted(java.util.Comparator.comparing(SimulationSpec.Parameter::name)).toList()) {
                sb.append("  ").append(p.name()).append(" = ").append(p.value()).append(": ").append(p.source()).append('\n');
            }
            Options.write(a, out, sb.toString());
            return 0;
        }
        byte[] csv = CohortSimulator.simulate(spec, (long) a.number("--seed"), a.number("--scale"));
        Options.write(a, out, new String(csv, StandardCharsets.UTF_8));
        return 0;
    }
}

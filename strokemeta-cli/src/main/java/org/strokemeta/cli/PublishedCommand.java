package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.report.Fmt;
import org.strokemeta.study.PublishedEvidence;

/** {@code strokemeta published}: the published common odds ratios of the HERMES trials beside those computed from the bundled distributions. */
final class PublishedCommand extends Command {
    @Override
    String name() {
        return "published";
    }

    @Override
    String summary() {
        return "Published common odds ratios of the seven HERMES trials beside those computed from the bundled mRS distributions (Markdown).";
    }

    @Override
    List<Opt> options() {
        return List.of(Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        Options.write(a, out, table());
        return 0;
    }

    /** The comparison as a Markdown document (docs/published-vs-computed.md is this text). */
    static String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Published versus computed: the HERMES trials\n\n");
        sb.append("Each trial's published common odds ratio (cOR, shift toward better mRS with thrombectomy) beside the one strokemeta\n"
                + "computes from the trial's bundled 90-day mRS distribution (proportional odds, unadjusted, 95% CI), and the HERMES\n"
                + "pooled estimate beside the two-stage random-effects (REML) pool of the same five trials. The distributions, the\n"
                + "published estimates and their sources are in `strokemeta-core/src/main/resources/org/strokemeta/evidence/` (every value with its\n"
                + "source and a confidence); see [published-evidence.md](published-evidence.md). Printed by `strokemeta published`.\n\n");
        sb.append("| trial | published cOR [95% CI] | adjusted | computed cOR [95% CI] | patients | distribution confidence | why they differ |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (PublishedEvidence.Comparison c : PublishedEvidence.reproduce()) {
            PublishedEvidence.Published p = c.published();
            String pub = p == null ? "—" : Fmt.f(p.estimate(), 2) + (Double.isNaN(p.lower()) ? "" : " [" + Fmt.f(p.lower(), 2) + ", " + Fmt.f(p.upper(), 2) + "]");
            CommonOddsRatio e = c.computed();
            sb.append("| ").append(c.label()).append(" | ").append(pub).append(" | ").append(p == null ? "—" : p.adjusted() ? "yes" : "not stated")
                    .append(" | ").append(Fmt.f(e.cor(), 2)).append(" [").append(Fmt.f(e.corLower(), 2)).append(", ").append(Fmt.f(e.corUpper(), 2))
                    .append("] | ").append(c.patients()).append(" | ").append(c.confidence()).append(" | ").append(c.explanation()).append(" |\n");
        }
        sb.append("\nREVASCAT published its shift as an adjusted odds ratio for a one-point improvement; THRACE and PISTE reported a\n"
                + "binary primary outcome (mRS 0-2), so no published cOR is listed for them.\n");
        return sb.toString();
    }
}

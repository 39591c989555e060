package org.strokemeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.strokemeta.Figures;
import org.strokemeta.Meta;
import org.strokemeta.Shift;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.bias.SmallStudyEffects;
import org.strokemeta.bias.TrimFillOptions;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.plot.MetaForest;
import org.strokemeta.plot.Raster;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.Model;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftRequest;

/** {@code strokemeta plot forest|grotta|funnel|bubble|baujat|labbe|radial|gosh}: a figure as SVG, PNG or PDF. */
final class PlotCommand extends Command {
    @Override
    String name() {
        return "plot";
    }

    @Override
    String summary() {
        return "Draw a forest plot, Grotta bars, a funnel plot, a meta-regression bubble plot, a Baujat, L'Abbé, radial (Galbraith) or GOSH plot as SVG, PNG or PDF "
                + "(the analysis options of meta).";
    }

    @Override
    String positionalUsage() {
        return "forest|grotta|funnel|bubble|baujat|labbe|radial|gosh";
    }

    @Override
    int maxPositional() {
        return 1;
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--subgroup", "COLUMN", "Forest plot in subgroup blocks with subtotals and the test for subgroup differences.", null),
                Opt.value("--sort", "none|effect|weight|precision", "Order of the studies in a forest plot.", "none"),
                Opt.flag("--both-models", "Show the fixed-effect and the random-effects diamond."),
                Opt.value("--outcome", "harmful|beneficial", "What the outcome's events (or higher values) are: harmful (death, "
                        + "stroke) puts 'favours treatment' on the left of a forest plot, beneficial (mRS 0-2) on the right. Without it "
                        + "(or --favours) a forest plot of events carries no 'favours' labels; the mRS shift is always beneficial.", null),
                Opt.value("--favours", "LEFT|RIGHT", "The labels under the two halves of a forest plot, as you write them.", null),
                Opt.value("--max-label", "N", "Longest study name shown in full (characters).", "40"),
                Opt.flag("--contour", "Funnel plot: contour-enhanced (90, 95, 99% regions around 0)."),
                Opt.flag("--trim-fill", "Funnel plot: with the studies filled in by trim-and-fill."),
                Opt.value("--merge", "A-B", "Grotta bars: merge categories A to B (for example 5-6).", null),
                Opt.flag("--center", "Radial plot: the effects minus the pooled estimate (metafor's center = TRUE)."),
                GoshCommand.SUBSETS, GoshCommand.SEED,
                Opt.value("--moderator", "COLUMN", "Bubble plot: the numeric moderator of the meta-regression.", null),
                Opt.value("--out", "-o", "FILE", "Output file: .svg, .png or .pdf (SVG on the terminal when not given).", null),
                Opt.value("--dpi", "N", "Resolution of a PNG.", "300")));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        if (a.positional().isEmpty()) {
            throw new UsageException("say which figure: forest, grotta, funnel, bubble, baujat, labbe, radial or gosh");
        }
        String kind = a.positional().get(0);
        Table t = Options.read(a);
        String svg = switch (kind) {
            case "forest" -> forest(a, t);
            case "grotta" -> grotta(a, t);
            case "funnel" -> funnel(a, t);
            case "bubble" -> bubble(a, t);
            case "baujat" -> baujat(a, t);
            case "labbe" -> labbe(a, t);
            case "radial" -> radial(a, t);
            case "gosh" -> Figures.gosh(GoshCommand.analyze(a, t));
            default -> throw new UsageException("unknown figure '" + kind + "' (expected forest, grotta, funnel, bubble, baujat, labbe, radial or gosh)");
        };
        Path file = a.path("--out");
        if (file == null) {
            out.print(svg);
            out.flush();
        } else {
            Raster.write(svg, file, Raster.Format.of(file), a.integer("--dpi"));
            out.println("Wrote " + file);
            out.flush();
        }
        return 0;
    }

    private static MetaForest.Options forestOptions(Args a, MetaForest.Direction known) {
        MetaForest.Options o = new MetaForest.Options(MetaForest.Sort.parse(a.get("--sort")), null, "", "", a.integer("--max-label"));
        if (a.get("--favours") != null) {
            if (a.get("--outcome") != null) {
                throw new UsageException("give either --favours or --outcome, not both");
            }
            String[] fav = a.get("--favours").split("\\|", 2);
            return new MetaForest.Options(o.sort(), null, fav[0].strip(), fav.length > 1 ? fav[1].strip() : "", o.maxLabel());
        }
        MetaForest.Direction d = known;
        if (a.get("--outcome") != null) {
            try {
                d = MetaForest.Direction.parse(a.get("--outcome"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--outcome must be harmful or beneficial, not '" + a.get("--outcome") + "'");
            }
        }
        return o.withDirection(d);
    }

    private static String forest(Args a, Table t) {
        if (DataKind.of(t) == DataKind.MRS_TABLE) {
            // a common odds ratio above 1 is a shift toward better mRS with treatment: the direction is known
            if (a.get("--outcome") != null && MetaForest.Direction.parse(a.get("--outcome")) == MetaForest.Direction.HARMFUL) {
                throw new UsageException("--outcome harmful does not apply to the mRS shift, whose common odds ratio above 1 is a shift "
                        + "toward better outcomes with treatment");
            }
            MetaForest.Options o = forestOptions(a, MetaForest.Direction.BENEFICIAL);
            ShiftRequest r = ShiftRequest.defaults().withMerge(Options.merge(a.get("--merge"))).withPoTest(false)
                    .withOptions(Options.metaOptions(a));
            ShiftAnalysis.Outcome s = Shift.analyze(t, r);
            // per-trial log common odds ratios: a ratio axis
            return Figures.shiftForest(s.twoStage().pooled(), o, "Common odds ratio (log scale; > 1: shift toward "
                    + "better mRS with treatment)");
        }
        MetaForest.Options o = forestOptions(a, MetaForest.Direction.UNSTATED);
        MetaRequest req = Options.request(a).withSubgroup(a.get("--subgroup"));
        MetaRun.Outcome run = Meta.analyze(t, req).get(0);
        if (run.failed()) {
            throw new UsageException(run.error());
        }
        if (a.flag("--both-models")) {
            var other = run.result().options().withModel(run.result().options().model() == Model.RANDOM ? Model.FIXED : Model.RANDOM);
            o = new MetaForest.Options(o.sort(), MetaAnalysis.run(run.effects(), other), o.favoursLeft(), o.favoursRight(), o.maxLabel());
        }
        return run.subgroups() != null ? Figures.forest(run.subgroups(), run.result(), o) : Figures.forest(run.result(), o);
    }

    private static String grotta(Args a, Table t) {
        if (DataKind.of(t) != DataKind.MRS_TABLE) {
            throw new UsageException("Grotta bars need tabulated mRS distributions (study, arm, mrs0..mrs6)");
        }
        OrdinalTable o = OrdinalTableLoader.load(t);
        int categories = o.categories();
        CategoryMerge m = Options.merge(a.get("--merge"));
        if (m != null) {
            o = o.mergeCategories(m.from(), m.to());
        }
        // the labels follow the scale of the data: mRS for mrs0.. columns, categories for any other ordinal scale
        return Figures.grotta(ArmDistribution.pooled(o), org.strokemeta.plot.GrottaPlot.labels(OrdinalTableLoader.mrsColumns(t), categories,
                m == null ? -1 : m.from(), m == null ? -1 : m.to()));
    }

    private static String funnel(Args a, Table t) {
        MetaRun.Outcome run = Meta.analyze(t, Options.request(a)).get(0);
        if (run.failed()) {
            throw new UsageException(run.error());
        }
        FunnelOptions fo = a.flag("--contour") ? FunnelOptions.contourEnhanced() : FunnelOptions.aroundEstimate(0.95);
        return a.flag("--trim-fill")
                ? Figures.funnel(SmallStudyEffects.trimFill(run.effects(), run.result().options(), TrimFillOptions.defaults()), fo)
                : Figures.funnel(run.result(), fo);
    }

    private static String bubble(Args a, Table t) {
        if (a.get("--moderator") == null) {
            throw new UsageException("a bubble plot needs --moderator COLUMN (a numeric column)");
        }
        MetaRun.Outcome run = Meta.analyze(t, Options.request(a).withModerators(List.of(a.get("--moderator")))).get(0);
        if (run.failed()) {
            throw new UsageException(run.error());
        }
        return Figures.bubble(run.regression());
    }

    private static String baujat(Args a, Table t) {
        MetaRequest req = Options.request(a);
        var es = Meta.effects(t, req);
        try {
            return Figures.baujat(Meta.influence(es, req));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String labbe(Args a, Table t) {
        MetaRequest req = Options.request(a);
        MetaRun.Outcome run = Meta.analyze(t, req).get(0);
        if (run.failed()) {
            throw new UsageException(run.error());
        }
        try {
            return Figures.labbe(run.result(), req.continuity());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (" + run.result().effects().measure().name() + " here: give binary arm counts and --measure OR, RR or RD)");
        }
    }

    private static String radial(Args a, Table t) {
        MetaRun.Outcome run = Meta.analyze(t, Options.request(a)).get(0);
        if (run.failed()) {
            throw new UsageException(run.error());
        }
        try {
            return Figures.radial(run.result(), a.flag("--center"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

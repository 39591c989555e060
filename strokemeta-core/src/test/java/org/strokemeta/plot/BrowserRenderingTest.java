package org.strokemeta.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.TrimFill;
import org.strokemeta.bias.TrimFillOptions;
import org.strokemeta.data.Examples;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.report.PublishedHtml;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.PublishedRequest;
import org.strokemeta.effect.Measure;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * The figures as a person sees them: each is rendered by headless Chromium (installed by
 * {@code scripts/setup.sh --for-tests}) and compared with a committed reference image
 * (src/test/resources/rendering/), allowing a small share of pixels to differ (anti-aliasing). To
 * accept a deliberate change of a figure, run the tests with {@code -Dstrokemeta.updateRenderings=true}
 * and commit the new images after looking at them.
 */
class BrowserRenderingTest {
    /** Pixels whose largest colour-channel difference exceeds this count as different. */
    private static final int CHANNEL_TOLERANCE = 48;
    /** The share of different pixels allowed. */
    private static final double PIXEL_SHARE = 0.005;
    private static final Path REFERENCES = Path.of("strokemeta-core/src/test/resources/rendering");

    @BeforeAll
    static void chromium() throws Exception {
        boolean present;
        try {
            present = new ProcessBuilder("chromium", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "headless Chromium renders the figures (scripts/setup.sh --for-tests installs it)");
        // a machine where Chromium cannot start at all (no display stack, no shared memory) is not a figure that changed
        Path dir = Files.createTempDirectory("strokemeta-render");
        Path file = dir.resolve("probe.svg");
        Files.writeString(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\"/></svg>");
        String out = screenshot(file, dir.resolve("probe.png"), 40, 20);
        Assumptions.assumeTrue(Files.exists(dir.resolve("probe.png")), "headless Chromium could not render here: " + out);
    }

    /** Renders an SVG file to a PNG of the given size; returns Chromium's output. */
    static String screenshot(Path svg, Path png, int w, int h) throws Exception {
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=" + w + "," + h, "--screenshot=" + png, svg.toUri().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    static List<String> figures() {
        return List.of("forest-bcg", "forest-bcg-subgroups", "funnel-bcg-trimfill", "grotta-mrs", "forest-published-mrs02",
                "forest-published-sich", "baujat-bcg", "labbe-bcg-or", "radial-bcg", "gosh-bcg",
                "tsa-hine", "bayes-posterior-hine", "bayes-forest-hine");
    }

    static String svg(String name) {
        var bcg = Examples.table(Examples.get("bcg"));
        return switch (name) {
            case "forest-bcg" -> ForestPlot.svg(MetaForest.of(MetaRun.run(bcg, MetaRequest.defaults().withMeasure(Measure.RR)).get(0).result(),
                    MetaForest.Options.defaults().withDirection(MetaForest.Direction.HARMFUL)));
            case "forest-bcg-subgroups" -> {
                MetaRun.Outcome o = MetaRun.run(bcg, MetaRequest.defaults().withMeasure(Measure.RR).withSubgroup("alloc")).get(0);
                // tuberculosis is a harmful event: a risk ratio below 1 favours vaccination
                yield ForestPlot.svg(MetaForest.of(o.subgroups(), o.result(), MetaForest.Options.defaults().withDirection(MetaForest.Direction.HARMFUL)));
            }
            case "funnel-bcg-trimfill" -> {
                MetaRun.Outcome o = MetaRun.run(bcg, MetaRequest.defaults().withMeasure(Measure.RR)).get(0);
                yield FunnelSvg.svg(FunnelPlot.of(TrimFill.run(o.effects(), o.result().options(), TrimFillOptions.defaults()),
                        FunnelOptions.aroundEstimate(0.95)), true, "RR (log scale)");
            }
            case "grotta-mrs" -> GrottaPlot.svg(List.of(new GrottaPlot.Bar("Thrombectomy", new double[] {116, 154, 204, 179, 187, 76, 86}),
                    new GrottaPlot.Bar("Control", new double[] {50, 79, 136, 164, 247, 135, 189})), GrottaPlot.mrsLabels(7));
            case "forest-published-mrs02" -> ForestPlot.svg(PublishedHtml.forest(PublishedAnalysis.run(EvidenceBase.bundled(),
                    PublishedRequest.defaults()).outcome("mrs_0_2")));
            case "forest-published-sich" -> ForestPlot.svg(PublishedHtml.forest(PublishedAnalysis.run(EvidenceBase.bundled(),
                    PublishedRequest.defaults()).outcome("sich")));
            case "baujat-bcg" -> BaujatPlot.svg(org.strokemeta.Meta.influence(org.strokemeta.Meta.effects(bcg,
                    MetaRequest.defaults().withMeasure(Measure.RR)), MetaRequest.defaults().withMeasure(Measure.RR)));
            case "labbe-bcg-or" -> {
                MetaRequest or = MetaRequest.defaults().withMeasure(Measure.OR);
                yield LabbePlot.svg(MetaRun.run(bcg, or).get(0).result(), or.continuity());
            }
            case "radial-bcg" -> org.strokemeta.Figures.radial(MetaRun.run(bcg, MetaRequest.defaults().withMeasure(Measure.RR)).get(0).result());
            case "gosh-bcg" -> {
                MetaRequest rr = MetaRequest.defaults().withMeasure(Measure.RR);
                yield org.strokemeta.Figures.gosh(org.strokemeta.sensitivity.Sensitivity.gosh(org.strokemeta.Meta.effects(bcg, rr), rr.options(),
                        org.strokemeta.sensitivity.GoshOptions.defaults()));
            }
            case "tsa-hine" -> org.strokemeta.Figures.tsa(SequentialFigures.tsaHine());
            case "bayes-posterior-hine" -> org.strokemeta.Figures.bayesPosterior(SequentialFigures.bayesHine(), Measure.OR);
            case "bayes-forest-hine" -> org.strokemeta.Figures.bayesForest(SequentialFigures.bayesHine(), Measure.OR);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @MethodSource("figures")
    void renders_as_the_reference_image(String name) throws Exception {
        String svg = svg(name);
        Matcher m = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        Path dir = Files.createTempDirectory("strokemeta-render");
        Path file = dir.resolve(name + ".svg");
        Files.writeString(file, svg, StandardCharsets.UTF_8);
        Path png = dir.resolve(name + ".png");
        String out = screenshot(file, png, w, h);
        assertThat(png).as("Chromium wrote a screenshot: " + out).exists();
        BufferedImage actual = ImageIO.read(png.toFile());
        assertThat(actual).as("a screenshot was written").isNotNull();
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("strokemeta.updateRenderings")) {
            Files.createDirectories(REFERENCES);
            Files.copy(png, reference, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(reference).as("reference image (run with -Dstrokemeta.updateRenderings=true to make it)").exists();
        BufferedImage expected = ImageIO.read(reference.toFile());
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        long differ = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int b = expected.getRGB(x, y);
                int d = Math.max(Math.abs((a >> 16 & 255) - (b >> 16 & 255)),
                        Math.max(Math.abs((a >> 8 & 255) - (b >> 8 & 255)), Math.abs((a & 255) - (b & 255))));
                if (d > CHANNEL_TOLERANCE) {
                    differ++;
                }
            }
        }
        double share = (double) differ / ((long) actual.getWidth() * actual.getHeight());
        assertThat(share).as(name + ": share of pixels that differ from the reference").isLessThan(PIXEL_SHARE);
        // the figure is not blank: it has ink
        long ink = 0;
        for (int y = 0; y < actual.getHeight(); y += 2) {
            for (int x = 0; x < actual.getWidth(); x += 2) {
                if ((actual.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    ink++;
                }
            }
        }
        assertThat(ink).isGreaterThan(500);
    }
}

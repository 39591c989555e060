package org.strokemeta.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.report.PublishedHtml;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.PublishedRequest;

/**
 * The report on the published evidence as a reader opens it: headless Chromium parses the whole HTML
 * file (its DOM holds every section, table and figure) and paints it (the screenshot has ink from top to
 * bottom). Its forest plots are compared with reference images in {@link BrowserRenderingTest}.
 */
class PublishedReportRenderingTest {
    private static Path html;

    @BeforeAll
    static void report() throws Exception {
        BrowserRenderingTest.chromium();
        Path dir = Files.createTempDirectory("strokemeta-published");
        html = dir.resolve("published.html");
        Files.writeString(html, PublishedHtml.render(PublishedAnalysis.run(EvidenceBase.bundled(), PublishedRequest.defaults()), "test"),
                StandardCharsets.UTF_8);
    }

    private static String dom() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", html.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void chromium_parses_every_section_table_and_figure() throws Exception {
        String dom = dom();
        for (String id : new String[] {"trials", "summary-of-findings", "shift", "mrs-0-2", "mortality", "sich", "m2", "methods", "sources"}) {
            assertThat(dom).as(id).contains("id=\"" + id + "\"");
        }
        assertThat(dom.split("<svg", -1).length - 1).as("figures").isGreaterThanOrEqualTo(20);
        assertThat(dom.split("<table", -1).length - 1).as("tables").isGreaterThanOrEqualTo(12);
        assertThat(dom).contains("HERMES M2").contains("Rules applied").doesNotContain("NaN");
    }

    @Test
    void chromium_paints_the_report_from_top_to_bottom() throws Exception {
        Path png = html.resolveSibling("published.png");
        String out = BrowserRenderingTest.screenshot(html, png, 1200, 6000);
        assertThat(png).as("Chromium wrote a screenshot: " + out).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        // every 500-pixel band of the page has text or figures on it
        for (int top = 0; top < img.getHeight(); top += 500) {
            long ink = 0;
            for (int y = top; y < Math.min(top + 500, img.getHeight()); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    if ((rgb >> 16 & 255) < 128 && (rgb >> 8 & 255) < 128) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("ink in the band from y = " + top).isGreaterThan(200);
        }
    }
}

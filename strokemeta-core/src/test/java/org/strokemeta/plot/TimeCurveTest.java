package org.strokemeta.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeCurveTest {
    private static final double[] MINUTES = {60, 120, 180};

    @Test
    void draws_the_band_the_line_and_ticks_at_each_time_on_a_log_axis_from_half_to_eight() {
        String svg = TimeCurve.svg(MINUTES, new double[] {1, 0.5, 0}, new double[] {0.5, 0, -0.5}, new double[] {1.5, 1, 0.5});
        assertThat(svg).startsWith("<figure><svg").endsWith("</figure>\n");
        // the band: upper limits left to right, then lower limits back: six points
        String band = svg.substring(svg.indexOf("<polygon points=\"") + 17, svg.indexOf("\" fill=\"#c6dbef\""));
        assertThat(band.split(" ")).hasSize(6);
        assertThat(band).startsWith("60.0,");
        // the line ends at the right margin (640 − 20) and the OR 1 line is dashed
        String line = svg.substring(svg.indexOf("<polyline points=\"") + 18, svg.indexOf("\" fill=\"none\""));
        assertThat(line.split(" ")).hasSize(3);
        assertThat(line).contains("620.0,");
        assertThat(svg).contains("stroke-dasharray=\"3,3\"").contains(">0.5</text>").contains(">8</text>").doesNotContain(">16</text>")
                .contains(">180</text>");
    }

    @Test
    void a_band_beyond_eight_widens_the_axis() {
        String svg = TimeCurve.svg(MINUTES, new double[] {2, 2, 2}, new double[] {1, 1, 1}, new double[] {3, 3, 3});
        assertThat(svg).contains(">16</text>");
    }

    @Test
    void arrays_of_different_lengths_are_refused() {
        assertThatThrownBy(() -> TimeCurve.svg(MINUTES, new double[2], new double[3], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one entry per time");
    }
}

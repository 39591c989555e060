package org.strokemeta.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Figures as PNG (at a chosen resolution) or PDF, rendered from their SVG by rsvg-convert (librsvg,
 * Debian package librsvg2-bin, installed by scripts/setup.sh): the SVG stays the one description of
 * every figure, and the raster and PDF forms are exactly its rendering.
 */
public final class Raster {
    private Raster() {
    }

    /** The output formats. */
    public enum Format {
        /** Scalable vector graphics, as made. */
        SVG,
        /** A PNG image at a given resolution. */
        PNG,
        /** A PDF document. */
        PDF;

        /**
         * From a file name's extension; SVG when it has none of these.
         *
         * @param p the file
         * @return the format its extension names
         */
        public static Format of(Path p) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".png") ? PNG : n.endsWith(".pdf") ? PDF : SVG;
        }
    }

    /** The lowest resolution of a PNG (dots per inch). */
    public static final int MIN_DPI = 10;
    /** The highest resolution of a PNG (dots per inch). */
    public static final int MAX_DPI = 2400;
    /** The largest PNG side in pixels (librsvg's limit). */
    public static final int MAX_PIXELS = 32767;

    /**
     * Checks a PNG resolution before rendering: within [{@link #MIN_DPI}, {@link #MAX_DPI}], and the
     * figure's larger side at that resolution within {@link #MAX_PIXELS}.
     *
     * @param svg the SVG document
     * @param dpi the resolution
     * @throws IllegalArgumentException if the resolution is out of range or the image would be too large
     */
    public static void checkResolution(String svg, int dpi) {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be between " + MIN_DPI + " and " + MAX_DPI + ", not " + dpi);
        }
        double side = Math.max(attribute(svg, "width"), attribute(svg, "height"));
        if (side * dpi / 96.0 > MAX_PIXELS) {
            int most = (int) Math.floor(MAX_PIXELS * 96.0 / side);
            throw new IllegalArgumentException("at " + dpi + " dpi this figure would be " + Math.round(side * dpi / 96.0)
                    + " pixels across, more than a PNG can hold here (" + MAX_PIXELS + "); its highest resolution is " + most + " dpi");
        }
    }

    /** A numeric attribute of the root element (0 when absent). */
    private static double attribute(String svg, String name) {
        int end = svg.indexOf('>');
        String root = end < 0 ? svg : svg.substring(0, end);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s" + name + "=\"([0-9.]+)\"").matcher(root);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Writes the figure.
     *
     * @param svg the SVG document
     * @param out the file
     * @param dpi resolution of a PNG (96 = the SVG's own pixel size)
     * @param format SVG, PNG or PDF
     */
    public static void write(String svg, Path out, Format format, int dpi) {
        if (format == Format.PNG) {
            checkResolution(svg, dpi);
        }
        org.strokemeta.data.FileProblem.checkWritable(out);
        try {
            if (format == Format.SVG) {
                org.strokemeta.data.FileProblem.writeString(out, svg);
                return;
            }
            Path tmp = Files.createTempFile("strokemeta-figure", ".svg");
            try {
                Files.writeString(tmp, svg, StandardCharsets.UTF_8);
                List<String> cmd = format == Format.PNG
                        ? List.of("rsvg-convert", "-f", "png", "-d", Integer.toString(dpi), "-p", Integer.toString(dpi),
                        "-z", Double.toString(dpi / 96.0), "-o", out.toString(), tmp.toString())
                        : List.of("rsvg-convert", "-f", "pdf", "-o", out.toString(), tmp.toString());
                Process p;
                try {
                    p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                } catch (IOException e) {
                    throw new IllegalStateException("PNG and PDF figures need rsvg-convert (Debian package librsvg2-bin; "
                            + "scripts/setup.sh installs it); SVG needs nothing");
                }
                String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("rsvg-convert could not render the figure: " + msg.strip());
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw org.strokemeta.data.FileProblem.writing(out, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the figure", e);
        }
    }
}

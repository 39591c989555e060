package org.strokemeta.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        SVG, PNG, PDF;

        /** From a file name's extension; SVG when it has none of these. */
        public static Format of(Path p) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".png") ? PNG : n.endsWith(".pdf") ? PDF : SVG;
        }
    }

    /**
     * Writes the figure.
     *
     * @param svg the SVG document
     * @param out the file
     * @param dpi resolution of a PNG (96 = the SVG's own pixel size)
     */
    public static void write(String svg, Path out, Format format, int dpi) {
        try {
            if (format == Format.SVG) {
                Files.writeString(out, svg, StandardCharsets.UTF_8);
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
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the figure", e);
        }
    }
}

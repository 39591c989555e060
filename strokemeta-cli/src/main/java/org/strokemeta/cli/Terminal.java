package org.strokemeta.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as text (UTF-8) with the byte stream beneath it, so that large documents already
 * encoded in UTF-8 go out without being decoded and encoded again.
 */
final class Terminal extends PrintWriter {
    private final OutputStream raw;

    Terminal(OutputStream raw) {
        super(new OutputStreamWriter(raw, StandardCharsets.UTF_8), false);
        this.raw = raw;
    }

    /** The byte stream, after the text written so far. */
    OutputStream bytes() {
        flush();
        return raw;
    }
}

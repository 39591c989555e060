package org.strokemeta.report;

import java.io.IOException;
import java.util.function.IntFunction;
import org.strokemeta.pool.Execution;

/**
 * Formats the items of a large output in parallel and writes them in order: the items are cut into
 * chunks, a window of chunks is formatted at once on an execution, then written, then the next window,
 * so that memory holds a window, not the document.
 */
final class Chunks {
    /** Where the formatted chunks go, in order: the first {@code length} bytes of the array. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] bytes, int length) throws IOException;
    }

    /** A formatted chunk: the first {@code length} bytes of {@code bytes}. */
    record Piece(byte[] bytes, int length) {
        Piece(byte[] bytes) {
            this(bytes, bytes.length);
        }
    }

    private Chunks() {
    }

    /**
     * Formats items 0 to {@code count - 1} a chunk at a time and passes the chunks to the sink in order,
     * with {@code separator} between two chunks (none when null).
     *
     * @param count     the number of items
     * @param chunk     items per chunk
     * @param execution where the chunks are formatted
     * @param format    the formatted items of one chunk (items chunk × c to the chunk's end), given the chunk's index c
     * @param separator written between two chunks, or null
     * @param sink      where the bytes go
     */
    static void write(int count, int chunk, Execution execution, IntFunction<Piece> format, byte[] separator, Sink sink)
            throws IOException {
        int chunks = (count + chunk - 1) / chunk;
        int window = Math.max(1, execution.parallelism()) * 8;
        for (int from = 0; from < chunks; from += window) {
            int first = from;
            Piece[] text = new Piece[Math.min(window, chunks - from)];
            execution.forEach(text.length, c -> text[c] = format.apply(first + c));
            for (int c = 0; c < text.length; c++) {
                if (separator != null && first + c > 0) {
                    sink.accept(separator, separator.length);
                }
                sink.accept(text[c].bytes(), text[c].length());
            }
        }
    }
}

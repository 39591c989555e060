package org.strokemeta.internal;

import java.util.concurrent.CancellationException;

/**
 * Lets long fits stop when their thread is interrupted, so that a caller's time limit (the web
 * application's, or an executor's cancel) frees the processor and not only the caller. The loops of
 * the iterative fits call {@link #check()} once an iteration, which costs one volatile read.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /**
     * Stops the current fit when its thread has been interrupted.
     *
     * @throws CancellationException when the current thread has been interrupted
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the analysis was stopped before it ended (its time limit was reached or it was cancelled)");
        }
    }
}

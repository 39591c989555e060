package org.strokemeta.web;

/**
 * A request the server answers with an error status of its own choosing (413, 415, 503, 504...) and a
 * sentence for the user; {@code retryAfter} is the number of seconds for a Retry-After header, or 0.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int retryAfter;

    HttpError(int status, String message) {
        this(status, message, 0);
    }

    HttpError(int status, String message, int retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    int retryAfter() {
        return retryAfter;
    }
}

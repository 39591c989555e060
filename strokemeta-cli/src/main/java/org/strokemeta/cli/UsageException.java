package org.strokemeta.cli;

/** The command line itself is wrong (unknown option, missing value); exit status 2 with a hint. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

package dev.hookcheck.cli;

/** A mistake in the command line or in a file it names: one line on stderr, exit code 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message, null, false, false);
    }
}

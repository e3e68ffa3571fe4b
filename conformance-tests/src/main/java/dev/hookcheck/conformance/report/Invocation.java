package dev.hookcheck.conformance.report;

import java.util.Objects;

/**
 * How a run was started, for the top of every report and a ready command under each failed check.
 * Secrets are never in it: where one was given on the command line, it reads from the variable that
 * holds it ({@code --secret "$HOOKCHECK_SECRET"}).
 *
 * @param commandLine the command as run, ready to paste into a POSIX shell
 * @param checkCommand the same command without {@code --checks} and {@code --skip}: with
 *     {@code --checks ID} added it runs that one check
 */
public record Invocation(String commandLine, String checkCommand) {
    public Invocation {
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(checkCommand, "checkCommand");
    }

    /** The command that runs this one check again. */
    public String oneCheck(String id) {
        return checkCommand + " --checks " + id;
    }
}

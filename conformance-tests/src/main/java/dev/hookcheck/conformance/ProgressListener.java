package dev.hookcheck.conformance;

/** Hears about each check as the runner goes, for example to print a live line per check. */
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = new ProgressListener() {};

    default void checkStarted(String id, String title) {}

    default void checkFinished(CheckResult result) {}

    /**
     * The run stops early: the receiver answered none of the last checks, so the checks left are
     * reported as not run ({@code CheckResult.Cause.NOT_RUN}) without sending anything.
     *
     * @param reason for example {@code no answer from http://localhost:3000/webhooks within 15 s to 2 checks in a row}
     */
    default void runStopped(String reason) {}
}

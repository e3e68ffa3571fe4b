package dev.hookcheck.conformance;

/** Hears about each check as the runner goes, for example to print a live line per check. */
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = new ProgressListener() {};

    default void checkStarted(String id, String title) {}

    default void checkFinished(CheckResult result) {}
}

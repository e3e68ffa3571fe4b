package dev.hookcheck.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every section's figures, and which of them are not what they must be. */
final class Results {
    /** The API latency target while receivers misbehave (the bound). */
    static final long API_P99_TARGET_MILLIS = 150;
    /** A jump of the clock answers at once: far below any receiver's timeout. */
    static final long ADVANCE_TARGET_MILLIS = 1000;

    final Settings settings;
    Fuzzer.Result fuzz;
    int fuzzPeakThreads;
    TenancyMatrix.Result tenancy;
    DeliveryFaults.Result faults;
    HostileChecks.Result checks;
    LoadRun.Result load;
    Duration took = Duration.ZERO;

    Results(Settings settings) {
        this.settings = settings;
    }

    /** Each figure that is not what it must be, in words (empty: the run passed). */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (fuzz != null) {
            when(failures, fuzz.requests() < fuzz.planned(), "fuzzer: ran out of time after " + fuzz.requests() + " of "
                    + fuzz.planned() + " requests");
            when(failures, fuzz.serverErrors() > 0, "fuzzer: " + fuzz.serverErrors() + " answers were 5xx");
            when(failures, fuzz.shapeViolations() > 0, "fuzzer: " + fuzz.shapeViolations() + " error bodies outside their dialect's shape");
            when(failures, fuzz.leaks() > 0, "fuzzer: " + fuzz.leaks() + " leaks");
            when(failures, !fuzz.healthy(), "fuzzer: the server was not healthy afterwards");
            when(failures, !fuzz.canaryIntact(), "fuzzer: data stored before the run changed: " + fuzz.canaryProblems());
            if (fuzz.serverErrors() + fuzz.shapeViolations() + fuzz.leaks() > 0) {
                fuzz.examples().forEach(e -> failures.add("  " + e));
            }
        }
        if (tenancy != null) {
            when(failures, tenancy.violations() > 0, "tenancy: " + tenancy.violations() + " of " + tenancy.cases() + " cases wrong");
            when(failures, !tenancy.ownDataIntact(), "tenancy: the default organization's data changed");
            if (tenancy.violations() > 0) {
                tenancy.examples().forEach(e -> failures.add("  " + e));
            }
        }
        if (faults != null) {
            when(failures, faults.unexpected() > 0, "faults: " + faults.unexpected() + " attempts with the wrong error or count");
            when(failures, faults.offSchedule() > 0, "faults: " + faults.offSchedule() + " retries off schedule");
            when(failures, faults.unrecorded() > 0, "faults: " + faults.unrecorded() + " requests received but not recorded (or the reverse)");
            when(failures, faults.apiP99Millis() >= API_P99_TARGET_MILLIS, "faults: API p99 " + faults.apiP99Millis() + " ms");
            when(failures, faults.advanceMillis() >= ADVANCE_TARGET_MILLIS, "faults: the jump took " + faults.advanceMillis() + " ms");
            when(failures, !faults.healthy(), "faults: the server was not healthy afterwards");
            if (faults.unexpected() + faults.offSchedule() + faults.unrecorded() > 0) {
                faults.examples().forEach(e -> failures.add("  " + e));
            }
        }
        if (checks != null) {
            checks.runs().stream().filter(r -> !r.passed()).forEach(r -> failures.add("check against " + r.receiver() + ": " + r.problem()));
        }
        if (load != null) {
            when(failures, load.lost() > 0, "load: " + load.lost() + " deliveries lost");
            when(failures, load.duplicates() > 0, "load: " + load.duplicates() + " duplicates");
            when(failures, load.delivered() != load.expected(), "load: " + load.delivered() + " of " + load.expected() + " delivered");
            when(failures, load.listErrors() > 0, "load: " + load.listErrors() + " list calls failed");
            when(failures, load.attemptsRecorded() != load.received(), "load: " + load.attemptsRecorded()
                    + " attempts recorded, " + load.received() + " received");
        }
        return failures;
    }

    private static void when(List<String> failures, boolean failed, String text) {
        if (failed) {
            failures.add(text);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run `").append(settings.name()).append("`, seed ").append(settings.seed()).append(", ")
                .append(took.toSeconds()).append(" s in all, on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(". Every section starts its own ")
                .append("`hookcheck serve` (`-Xmx256m`); threads and resident memory are read from `/proc`, heap from its GC log.\n\n");
        if (fuzz != null) {
            md.append("**Fuzzer** (from `GET /__admin/openapi.json`)\n\n| | |\n|---|---|\n");
            row(md, "requests sent", fuzz.requests() + " (" + fuzz.operations() + " operations × " + Fuzzer.Mutation.values().length
                    + " mutation classes × " + settings.fuzzPasses() + ", " + fuzz.took().toSeconds() + " s)");
            row(md, "5xx", counted(fuzz.serverErrors(), fuzz.kinds().get(Verdicts.Kind.SERVER_ERROR)));
            row(md, "error bodies outside the dialect's error schema (or not JSON, or no answer)",
                    counted(fuzz.shapeViolations(), fuzz.kinds().get(Verdicts.Kind.SHAPE)));
            row(md, "leaks: library or class names, bodies echoing the input, secrets (answers and the server's log)",
                    counted(fuzz.leaks(), fuzz.kinds().get(Verdicts.Kind.LEAK)));
            row(md, "healthy afterwards", fuzz.healthy() ? "yes" : "**no**");
            row(md, "data stored before the run, read back unchanged", fuzz.canaryIntact() ? "yes" : "**no**");
            row(md, "server threads, peak", fuzzPeakThreads);
            md.append('\n');
        }
        if (tenancy != null) {
            md.append("**Tenancy matrix**\n\n| | |\n|---|---|\n");
            row(md, "cases tried", tenancy.cases() + " (" + tenancy.operations() + " provider operations × no key, 9 malformed "
                    + "Authorization headers, another organization's key, another profile's key, Dfns without user action)");
            row(md, "answers not 401/404 (or own data only), or carrying the other organization's data", tenancy.violations());
            row(md, "the other organization's data unchanged", tenancy.ownDataIntact() ? "yes" : "**no**");
            md.append('\n');
        }
        if (faults != null) {
            md.append("**Delivery faults** (Preo endpoints, 1 s timeout, 6 attempts on 1 min, 5 min, 30 min, 2 h, 6 h; the clock ")
                    .append("jumps a day)\n\n| receiver | deliveries | attempts | recorded as | off schedule |\n|---|---|---|---|---|\n");
            for (DeliveryFaults.Outcome o : faults.outcomes()) {
                md.append("| ").append(o.receiver()).append(" | ").append(o.deliveries()).append(" | ").append(o.attempts())
                        .append(" | ").append(errors(o.errors())).append(" | ").append(o.offSchedule()).append(" |\n");
            }
            md.append("\n| | |\n|---|---|\n");
            row(md, "attempts with the wrong error class or count", faults.unexpected());
            row(md, "requests received but not recorded, or recorded but not received", faults.unrecorded());
            row(md, "`POST /__admin/clock/advance` (a day, retries of 6 hostile receivers due)", faults.advanceMillis() + " ms");
            row(md, "a new delivery to the healthy endpoint meanwhile", faults.healthyDeliveryMillis() + " ms");
            row(md, "API latency meanwhile (" + faults.apiCalls() + " calls)", "p99 " + faults.apiP99Millis() + " ms, max "
                    + faults.apiMaxMillis() + " ms (target p99 < " + API_P99_TARGET_MILLIS + " ms)");
            row(md, "server threads, peak", faults.peakThreads() + " (" + kinds(faults.peakThreadKinds()) + ")");
            row(md, "server heap in use, peak (of " + faults.maxHeap() + ")", faults.peakHeapMiB() + " MiB");
            row(md, "server resident memory, peak", faults.peakResidentMiB() + " MiB");
            md.append('\n');
        }
        if (checks != null) {
            md.append("**`hookcheck check` against the hostile receivers**\n\n| receiver | exit | took | bound | first line of the verdict |\n|---|---|---|---|---|\n");
            for (HostileChecks.Run r : checks.runs()) {
                md.append("| ").append(r.receiver()).append(" | ").append(r.exitCode()).append(" | ").append(r.took().toMillis() / 1000.0)
                        .append(" s | ").append(r.bound().toSeconds()).append(" s | ").append(r.verdict().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
        if (load != null) {
            md.append("**Load** (Standard Webhooks endpoints answering 200, a second client listing deliveries and events)\n\n")
                    .append("| | |\n|---|---|\n");
            row(md, "events × endpoints", load.events() + " × " + load.endpoints() + " = " + load.expected());
            row(md, "delivered", load.delivered() + " / " + load.expected() + " in " + load.took().toMillis() / 1000.0 + " s ("
                    + Math.round(load.deliveriesPerSecond()) + "/s)");
            row(md, "lost / duplicates", load.lost() + " / " + load.duplicates());
            row(md, "attempts recorded / requests received", load.attemptsRecorded() + " / " + load.received());
            row(md, "list latency (" + load.listCalls() + " calls, " + load.listErrors() + " failed)", "p50 " + load.listP50Millis()
                    + " ms, p99 " + load.listP99Millis() + " ms");
            row(md, "server threads, peak", load.peakThreads() + " (" + kinds(load.peakThreadKinds()) + ")");
            row(md, "server heap in use, peak (of 256m)", load.peakHeapMiB() + " MiB");
            row(md, "server resident memory, peak", load.peakResidentMiB() + " MiB");
            md.append('\n');
        }
        return md.toString();
    }

    /** {@code 32 hookcheck-delivery, 12 JettyServerThre…}, the biggest groups first. */
    private static String kinds(Map<String, Integer> kinds) {
        List<String> parts = new ArrayList<>();
        kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> parts.add(e.getValue() + " " + e.getKey().replace("|", "")));
        return String.join(", ", parts);
    }

    private static String errors(Map<String, Integer> errors) {
        List<String> parts = new ArrayList<>();
        errors.forEach((error, n) -> parts.add(n + " × " + error));
        return String.join(", ", parts);
    }

    /** {@code 12 (3 kinds)}: a kind is one finding with one operation and one mutation class. */
    private static String counted(int n, Integer kinds) {
        return n == 0 ? "0" : n + " (" + (kinds == null ? 0 : kinds) + " kinds: finding × operation × mutation)";
    }

    private static void row(StringBuilder md, String name, Object value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}

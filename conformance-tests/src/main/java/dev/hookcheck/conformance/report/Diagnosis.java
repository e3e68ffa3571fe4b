package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import java.util.List;
import java.util.Objects;

/**
 * One root cause behind one or more failed checks, what to fix first: "does not verify signatures at
 * all" rather than fifteen failures that each say the same. Found by {@link Report#diagnoses()} from
 * which checks failed and which passed (never from message text); each failed check belongs to at most
 * one diagnosis.
 *
 * @param id stable, for scripts: {@code no-signature-verification}
 * @param title what the receiver does wrong, as a phrase
 * @param fix what to change, said once for all its checks
 * @param checks the failed checks it explains, in catalog order
 */
public record Diagnosis(String id, String title, String fix, List<CheckResult> checks) {
    public Diagnosis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fix, "fix");
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a diagnosis explains at least one failed check");
        }
    }

    /** Whether a required check is among its checks (else it only explains recommended ones). */
    public boolean required() {
        return checks.stream().anyMatch(c -> c.level().kind() == Level.Kind.REQUIRED);
    }

    public List<String> ids() {
        return checks.stream().map(CheckResult::id).toList();
    }
}

package dev.hookcheck.core.signing;

import java.util.Objects;
import java.util.OptionalLong;

/** The outcome of {@link SignatureScheme#verify}: {@link Verified} or {@link Rejected} with a reason. */
public sealed interface Verification permits Verification.Verified, Verification.Rejected {

    boolean isVerified();

    /**
     * The request is authentic and fresh.
     *
     * @param timestamp the signed timestamp (unix seconds), empty for schemes that sign none
     * @param secretIndex which of the given secrets matched (0 = the first)
     */
    record Verified(OptionalLong timestamp, int secretIndex) implements Verification {
        @Override
        public boolean isVerified() {
            return true;
        }
    }

    /**
     * The request must be refused. The detail is safe to show: it never contains a secret or the
     * expected signature.
     */
    record Rejected(Reason reason, String detail) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isVerified() {
            return false;
        }

        @Override
        public String toString() {
            return reason.code() + ": " + detail;
        }
    }
}

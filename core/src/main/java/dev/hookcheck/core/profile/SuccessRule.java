package dev.hookcheck.core.profile;

/** Which receiver status codes the provider counts as a successful delivery. */
public enum SuccessRule {
    /** Any 2xx (most providers). 3xx is a failure: redirects are never followed. */
    ANY_2XX,
    /** Exactly 200 (Dfns): 201 and 204 count as failures and are retried. */
    EXACTLY_200;

    public boolean isSuccess(int status) {
        return this == ANY_2XX ? status >= 200 && status < 300 : status == 200;
    }

    @Override
    public String toString() {
        return this == ANY_2XX ? "any 2xx" : "exactly 200";
    }
}

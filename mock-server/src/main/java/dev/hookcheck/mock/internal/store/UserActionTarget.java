package dev.hookcheck.mock.internal.store;

/**
 * The one request a user action is signed for: its method, its path (without the query) and the
 * SHA-256 of its body, hex.
 */
public record UserActionTarget(String method, String path, String bodySha256) {
    @Override
    public String toString() {
        return method + " " + path;
    }
}

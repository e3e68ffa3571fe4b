package dev.hookcheck.mock.internal.http;

import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;

/** Bearer API keys: each opens one organization of one profile. */
public final class Auth {
    private Auth() {}

    /** The caller's organization for {@code profile}, or a 401. */
    public static String organization(Context ctx, Store store, String profile) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            throw ApiException.unauthorized("missing Bearer API key");
        }
        return store.organizationOfKey(header.substring(7).strip(), profile)
                .orElseThrow(() -> ApiException.unauthorized("unknown API key"));
    }
}

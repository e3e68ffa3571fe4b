package dev.hookcheck.mock.api.dfns;

import dev.hookcheck.mock.http.ApiException;
import dev.hookcheck.mock.http.Quote;
import dev.hookcheck.mock.http.Auth;
import dev.hookcheck.mock.store.Endpoint;
import dev.hookcheck.mock.store.Store;
import io.javalin.http.Context;

/** Who is calling, and which webhooks they may see: only their own organization's. */
final class Access {
    static final String PROFILE = "dfns";
    static final String USER_ACTION = "X-DFNS-USERACTION";

    private final Store store;

    Access(Store store) {
        this.store = store;
    }

    /** The caller's organization; any Bearer problem is Dfns's one 401. */
    String organization(Context ctx) {
        try {
            return Auth.organization(ctx, store, PROFILE);
        } catch (ApiException e) {
            throw ApiException.unauthorized("Not Authorized.");
        }
    }

    /**
     * The caller's organization for a call that changes something. Dfns wants a signed user action
     * there; the mock only checks that one is present.
     */
    String organizationForChange(Context ctx) {
        String organization = organization(ctx);
        String userAction = ctx.header(USER_ACTION);
        if (userAction == null || userAction.isBlank()) {
            throw ApiException.unauthorized("Not Authorized: the " + USER_ACTION
                    + " header (a signed user action) is required for this call.");
        }
        return organization;
    }

    /** The organization's webhook; another organization's is as missing as an unknown one. */
    Endpoint webhook(String organization, String webhookId) {
        return store.endpoint(webhookId)
                .filter(e -> e.profile().equals(PROFILE) && e.organizationId().equals(organization))
                .orElseThrow(() -> ApiException.notFound("Webhook " + Quote.prefix(webhookId) + " not found"));
    }
}

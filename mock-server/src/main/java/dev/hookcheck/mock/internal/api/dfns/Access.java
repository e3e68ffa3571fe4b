package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.mock.MockServerConfig.DfnsUserActions;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Auth;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import dev.hookcheck.mock.internal.store.UserActionTarget;
import dev.hookcheck.mock.internal.store.UserActionToken;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * Who is calling, whether their change is signed, and which webhooks they may see: only their own
 * organization's.
 */
final class Access {
    static final String PROFILE = "dfns";
    static final String USER_ACTION = "X-DFNS-USERACTION";
    private static final String SIGN_AGAIN = "sign a user action for this request (POST /auth/action/init, sign the"
            + " challenge, POST /auth/action), as the Dfns SDK's signer does";

    private final ServerContext context;
    private final Store store;

    Access(ServerContext context) {
        this.context = context;
        this.store = context.store();
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
     * The caller's organization for a call that changes something. Dfns wants a user action token
     * there, signed for exactly this request and good once; in the lax mode
     * ({@link DfnsUserActions#ANY}) any non-empty value passes.
     */
    String organizationForChange(Context ctx) {
        String organization = organization(ctx);
        String userAction = ctx.header(USER_ACTION);
        if (userAction == null || userAction.isBlank()) {
            throw ApiException.unauthorized("Not Authorized: the " + USER_ACTION
                    + " header (a signed user action) is required for this call; " + SIGN_AGAIN);
        }
        if (context.config().dfnsUserActions() == DfnsUserActions.REAL) {
            redeem(userAction.strip(), organization, UserActions.target(ctx));
        }
        return organization;
    }

    /** Uses the token up, if it is the organization's, unused, unexpired and made for {@code target}. */
    private void redeem(String value, String organization, UserActionTarget target) {
        Instant now = context.now();
        store.atomically(() -> {
            UserActionToken token = store.userActionToken(value).filter(t -> t.organizationId().equals(organization))
                    .orElseThrow(() -> ApiException.unauthorized("Not Authorized: the " + USER_ACTION
                            + " header is not a user action token of this organization; " + SIGN_AGAIN));
            if (token.usedAt() != null) {
                throw ApiException.unauthorized("Not Authorized: this user action token was used already (at "
                        + DfnsJson.date(token.usedAt()) + "); a token is good for one request: " + SIGN_AGAIN);
            }
            if (store.credential(token.credentialId()).isEmpty()) {
                throw ApiException.unauthorized("Not Authorized: credential " + token.credentialId() + ", which signed"
                        + " this user action, was removed; " + SIGN_AGAIN);
            }
            if (!now.isBefore(token.expiresAt())) {
                throw ApiException.unauthorized("Not Authorized: this user action token expired at "
                        + DfnsJson.date(token.expiresAt()) + " (tokens last " + UserActions.TOKEN_LIFETIME.toMinutes()
                        + " minutes); " + SIGN_AGAIN);
            }
            if (!token.target().method().equals(target.method()) || !token.target().path().equals(target.path())) {
                throw ApiException.forbidden("Forbidden: this user action token was signed for " + token.target()
                        + ", not for " + target + "; " + SIGN_AGAIN);
            }
            if (!token.target().bodySha256().equals(target.bodySha256())) {
                throw ApiException.forbidden("Forbidden: this user action token was signed for another body of " + target
                        + " (userActionPayload must be the exact request body); " + SIGN_AGAIN);
            }
            store.putUserActionToken(token.used(now));
            return null;
        });
    }

    /** The organization's webhook; another organization's is as missing as an unknown one. */
    Endpoint webhook(String organization, String webhookId) {
        return store.endpoint(webhookId)
                .filter(e -> e.profile().equals(PROFILE) && e.organizationId().equals(organization))
                .orElseThrow(() -> ApiException.notFound("Webhook " + Quote.prefix(webhookId) + " not found"));
    }
}

package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.MockServerConfig.DfnsUserActions;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.store.Credential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code hookcheck serve} prints on start. */
class BannerTest {
    private static String banner(MockServerConfig config) {
        try (MockServer server = MockServer.create(config.withEventsPerProfile(0)).start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Banner.print(server, new PrintStream(out, true, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void printsTheSandboxsSignerWithItsPrivateKeyReadyForTheDfnsSdk() {
        MockServerConfig config = MockServerConfig.defaults();
        Credential signer;
        try (MockServer server = MockServer.create(config.withEventsPerProfile(0))) {
            signer = Internals.of(server).store().credentials().get(0);
        }

        String banner = banner(config);

        assertThat(banner).containsPattern("  dfns +" + signer.id() + " +organization " + signer.organizationId()
                + ", Ed25519, private key:\n-----BEGIN PRIVATE KEY-----\n");
        assertThat(banner).contains(signer.privateKey().orElseThrow().reveal());
        assertThat(banner).doesNotContain("--dfns-user-actions any");
    }

    @Test
    void saysWhenAnyUserActionPasses() {
        assertThat(banner(MockServerConfig.defaults().withDfnsUserActions(DfnsUserActions.ANY)))
                .contains("(--dfns-user-actions any: Dfns changes accept any non-empty X-DFNS-USERACTION)");
    }
}

package dev.hookcheck.mock.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.SignedWebhook;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** tampered_body changes the body's event and keeps it JSON, whether the body is an object or an array of events. */
class TamperTest {
    private static String tampered(String body) {
        SignedWebhook webhook = new SignedWebhook(body.getBytes(StandardCharsets.UTF_8), Map.of("X-Sig", "s"), "k");
        SignedWebhook changed = FailureRules.tamper(webhook);
        assertThat(changed.headers()).isEqualTo(webhook.headers());
        return changed.bodyText();
    }

    @Test
    void anObjectBodyGetsAMemberInFrontOfItsFirst() {
        assertThat(tampered("{\"id\":\"evt_1\"}")).isEqualTo("{\"hookcheck_tampered\":true,\"id\":\"evt_1\"}");
        assertThat(tampered("{ }")).isEqualTo("{\"hookcheck_tampered\":true }");
    }

    @Test
    void aBodyThatIsAnArrayOfEventsGetsTheMemberInItsFirstEvent() {
        String changed = tampered("[{\"id\":\"evt_1\"},{\"id\":\"evt_2\"}]");

        assertThat(changed).isEqualTo("[{\"hookcheck_tampered\":true,\"id\":\"evt_1\"},{\"id\":\"evt_2\"}]");
        assertThat(JsonMapper.shared().readTree(changed).get(0).get("id").asString()).isEqualTo("evt_1");
    }

    @Test
    void aBodyThatIsNoJsonObjectGetsASpaceAtTheEnd() {
        assertThat(tampered("[1,2]")).isEqualTo("[1,2] ");
    }
}

package example.webhooks;

import com.svix.Webhook;
import com.svix.exceptions.EmptyWebhookSecretException;
import com.svix.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonParseException;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Standard Webhooks deliveries, verified with Svix's library over the raw body, then deduplicated on webhook-id. */
@RestController
public class StandardWebhooksController {
    private final Webhook webhook;
    private final ProcessedEvents events;

    public StandardWebhooksController(@Value("${webhooks.standard.secret}") String secret, ProcessedEvents events)
            throws EmptyWebhookSecretException {
        this.webhook = new Webhook(secret);
        this.events = events;
    }

    @PostMapping("/webhooks/standard")
    public ResponseEntity<String> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Map<String, List<String>> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> names.put(name.toLowerCase(java.util.Locale.ROOT), values));
        try {
            webhook.verify(new String(raw, StandardCharsets.UTF_8), names);
        } catch (WebhookVerificationException refused) {
            return ResponseEntity.status(401).body("{\"error\":\"invalid signature\"}");
        }
        Map<String, Object> event;
        try {
            event = JsonParserFactory.getJsonParser().parseMap(new String(raw, StandardCharsets.UTF_8));
        } catch (JsonParseException notJson) {
            return ResponseEntity.badRequest().body("{\"error\":\"the body is not JSON\"}");
        }
        events.process(headers.getFirst("webhook-id"), String.valueOf(event.get("type")));
        return ResponseEntity.ok("{\"received\":true}");
    }
}

package example.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonParseException;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vitable deliveries: {@code X-Vitable-Signature: sha512=<hex HMAC-SHA512 of "{timestamp}.{body}">},
 * the timestamp within 300 s either way, compared in constant time; deduplicated on {@code event_id}.
 */
@RestController
public class VitableWebhooksController {
    private static final long TOLERANCE_SECONDS = 300;
    private final byte[] secret;
    private final ProcessedEvents events;

    public VitableWebhooksController(@Value("${webhooks.vitable.secret}") String secret, ProcessedEvents events) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.events = events;
    }

    @PostMapping("/webhooks/vitable")
    public ResponseEntity<String> receive(@RequestHeader(name = "X-Vitable-Signature", required = false) String signature,
            @RequestHeader(name = "X-Vitable-Timestamp", required = false) String timestamp,
            @RequestBody(required = false) byte[] body) throws GeneralSecurityException {
        byte[] raw = body == null ? new byte[0] : body;
        if (signature == null || timestamp == null || !signature.startsWith("sha512=")) {
            return ResponseEntity.status(401).body("{\"error\":\"missing or malformed signature\"}");
        }
        if (!timestamp.matches("\\d{1,12}")) {
            return ResponseEntity.badRequest().body("{\"error\":\"malformed timestamp\"}");
        }
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(secret, "HmacSHA512"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = mac.doFinal(raw);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring("sha512=".length()));
        } catch (IllegalArgumentException notHex) {
            return ResponseEntity.status(401).body("{\"error\":\"invalid signature\"}");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return ResponseEntity.status(401).body("{\"error\":\"invalid signature\"}");
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return ResponseEntity.status(401).body("{\"error\":\"stale or future timestamp\"}");
        }
        Map<String, Object> event;
        try {
            event = JsonParserFactory.getJsonParser().parseMap(new String(raw, StandardCharsets.UTF_8));
        } catch (JsonParseException notJson) {
            return ResponseEntity.badRequest().body("{\"error\":\"the body is not JSON\"}");
        }
        events.process(String.valueOf(event.get("event_id")), String.valueOf(event.get("event_name")));
        return ResponseEntity.ok("{\"received\":true}");
    }
}

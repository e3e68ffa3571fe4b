package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The providers' own libraries judge Hookcheck's signing: what the mock provider really delivers and
 * what {@code hookcheck sign} prints must verify with them, and every tampered variant (a byte of the
 * body, the signature, the timestamp, a stale timestamp, the URL where the signature covers it) must be
 * refused by them. Where the scheme reads its timestamp from the signed body, the stale copy is that body with
 * the old timestamp written in it (in the scheme's unit) and signed again, and the body given to
 * {@code hookcheck sign} carries a fresh one. The libraries run in
 * Node: each profile whose provider ships one has a folder {@code src/test/node/judges/<profile>} with its
 * libraries pinned ({@code package.json} and lockfile; {@code .ci/run} installs every folder) and a
 * {@code judge.mjs} that calls them. A provider without a library (Vitable, Dfns, Preo) has no folder: the
 * vector suite is its independent check.
 */
class ProviderLibrariesTest {
    private static final JsonMapper JSON = JsonMapper.shared();
    static final Path JUDGES_DIR = JarProcess.ROOT.resolve("cli/src/test/node/judges");
    /** The profiles whose provider publishes a verification library, and those libraries (its pinned dependencies). */
    static final Map<String, List<String>> JUDGES = judges();
    private static final String DATA = "{\"customer\":{\"name\":\"Zoë Café ✓\",\"note\":\"a/b \\u2028 \\\"quoted\\\"\"}}";

    @TempDir
    Path dir;

    /**
     * One request as a receiver saw it: the judge is given exactly this URL (null where the signature does not
     * cover it), these headers and bytes, and judges it at the instant it arrived ({@code at}, unix milliseconds):
     * a provider whose library allows a few seconds (Paddle's 5 s) is not judged by how long the test took.
     */
    record Seen(String profile, String url, Map<String, String> headers, byte[] body, long at) {}

    @Test
    void deliveriesAndSignedBodiesVerifyWithTheProvidersLibrariesAndTamperedOnesDoNot() throws Exception {
        ArrayNode cases = JSON.createArrayNode();
        List<String> expectedAccepted = new ArrayList<>();
        List<String> expectedRefused = new ArrayList<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        List<Seen> genuine = new ArrayList<>(delivered(secrets));
        genuine.addAll(signed(secrets));
        for (int i = 0; i < genuine.size(); i++) {
            Seen seen = genuine.get(i);
            String secret = secrets.get(seen.profile() + "#" + (seen.headers().containsKey("x-hookcheck-source")
                    ? "sign" : "mock"));
            String id = seen.profile() + "/" + i;
            add(cases, id + "/genuine", seen, secret, seen.headers(), seen.body());
            expectedAccepted.add(id + "/genuine");
            byte[] changed = seen.body().clone();
            changed[changed.length / 2] ^= 0x01;
            add(cases, id + "/body-changed", seen, secret, seen.headers(), changed);
            String signatureHeader = Profiles.get(seen.profile()).scheme().signatureHeader();
            add(cases, id + "/signature-changed", seen, secret, withHeader(seen.headers(), signatureHeader,
                    flipLast(header(seen.headers(), signatureHeader))), seen.body());
            expectedRefused.addAll(List.of(id + "/body-changed", id + "/signature-changed"));
            if (Profiles.get(seen.profile()).scheme().signsUrl()) {
                add(cases, id + "/url-changed", withUrl(seen, otherPath(seen.url())), secret, seen.headers(),
                        seen.body());
                expectedRefused.add(id + "/url-changed");
            }
            if (Profiles.get(seen.profile()).signsTimestamp()) {
                SignatureScheme scheme = Profiles.get(seen.profile()).scheme();
                // a minute past the provider's window, before the instant it arrived (the judge's clock then): a
                // library whose window is as long as a fixed age (Box's 10 minutes) would accept that age
                long stale = Instant.ofEpochMilli(seen.at()).getEpochSecond() - scheme.defaultTolerance().window().toSeconds()
                        - 60;
                Map<String, String> restamped = seen.headers();
                // the signed message id travels in the scheme's id header (Standard Webhooks' webhook-id)
                String idHeader = scheme.spec().map(SchemeSpec::id).filter(s -> s.from() == SchemeSpec.Source.From.HEADER)
                        .map(SchemeSpec.Source::name).orElse("webhook-id");
                String signingId = seen.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(
                        idHeader)).map(Map.Entry::getValue).findFirst().orElse(null);
                // where the timestamp travels in the signed body, the stale copy is that body written back then
                byte[] staleBody = bodyTimestamp(scheme).map(source -> withTimestamp(seen.body(), source, stale))
                        .orElse(seen.body());
                for (Map.Entry<String, String> h : scheme.sign(List.of(Secret.of(secret)), signingId, stale,
                        staleBody).entrySet()) {
                    restamped = withHeader(restamped, h.getKey(), h.getValue());
                }
                add(cases, id + "/stale", seen, secret, restamped, staleBody);
                expectedRefused.add(id + "/stale");
            }
        }
        Map<String, List<JsonNode>> verdicts = judge(cases);

        for (String id : expectedAccepted) {
            assertThat(verdicts.get(id)).as(id).isNotEmpty().allSatisfy(v -> assertThat(v.get("accepted").asBoolean())
                    .as("%s by %s: %s", id, v.get("library").asString(), v.get("error")).isTrue());
        }
        for (String id : expectedRefused) {
            assertThat(verdicts.get(id)).as(id).isNotEmpty().allSatisfy(v -> assertThat(v.get("accepted").asBoolean())
                    .as("%s by %s", id, v.get("library").asString()).isFalse());
        }
        JUDGES.forEach((profile, libraries) -> assertThat(verdicts.values().stream().flatMap(List::stream)
                .filter(v -> v.get("id").asString().startsWith(profile + "/"))
                .map(v -> v.get("library").asString()).distinct()).as(profile).containsExactlyInAnyOrderElementsOf(
                        libraries));
    }

    private static Map<String, List<String>> judges() {
        Map<String, List<String>> judges = new LinkedHashMap<>();
        try (var folders = Files.list(JUDGES_DIR)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("judge.mjs"))).sorted().toList()) {
                JsonNode pkg = JSON.readTree(Files.readString(folder.resolve("package.json")));
                judges.put(folder.getFileName().toString(), List.copyOf(pkg.get("dependencies").propertyNames()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return judges;
    }

    /** Real deliveries of the mock provider, to a receiver that keeps each request as it arrived. */
    private List<Seen> delivered(Map<String, String> secrets) throws Exception {
        BlockingQueue<Seen> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Seen(path.substring(1), "http://" + exchange.getRequestHeaders().getFirst("Host") + path
                    + (query == null ? "" : "?" + query), headers, body, System.currentTimeMillis()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (MockServer server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start()) {
            HttpClient client = HttpClient.newHttpClient();
            for (String profile : JUDGES.keySet()) {
                JsonNode endpoint = post(client, server.url("/__admin/endpoints"), "{\"profile\":\"" + profile
                        + "\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + profile + "\"}");
                secrets.put(profile + "#mock", endpoint.get("secret").asString());
                String type = Profiles.get(profile).events().businessTypes().get(0).name();
                post(client, server.url("/__admin/events"), "{\"profile\":\"" + profile + "\",\"type\":\"" + type
                        + "\",\"data\":" + DATA + "}");
            }
            List<Seen> seen = new ArrayList<>();
            for (int i = 0; i < JUDGES.size(); i++) {
                Seen one = received.poll(10, TimeUnit.SECONDS);
                if (one == null) {
                    fail("the mock delivered " + seen.size() + " of " + JUDGES.size() + " events");
                }
                seen.add(one);
            }
            return seen;
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * What {@code hookcheck sign} prints, read back into headers; for schemes that sign the URL, signed with
     * {@code --url} and sent to the URL of its {@code POST} line.
     */
    private List<Seen> signed(Map<String, String> secrets) {
        List<Seen> seen = new ArrayList<>();
        for (String profile : JUDGES.keySet()) {
            String secret = secrets.get(profile + "#mock");
            secrets.put(profile + "#sign", secret);
            byte[] generic = ("{\"id\":\"evt_sign_1\",\"type\":\"invoice.paid\",\"data\":" + DATA + "}")
                    .getBytes(StandardCharsets.UTF_8);
            // a scheme that reads its timestamp from the signed body signs what the body says: a fresh one
            byte[] body = bodyTimestamp(Profiles.get(profile).scheme()).map(source -> withTimestamp(generic, source,
                    Instant.now().getEpochSecond())).orElse(generic);
            boolean signsUrl = Profiles.get(profile).scheme().signsUrl();
            Cli.Result result = signsUrl
                    ? Cli.run(body, "sign", "--profile", profile, "--secret", secret, "--body", "-", "--url",
                            "https://hooks.example.com/" + profile + "?tenant=acme")
                    : Cli.run(body, "sign", "--profile", profile, "--secret", secret, "--body", "-");
            assertThat(result.exitCode()).as("%s", result).isZero();
            String url = result.out().lines().filter(l -> l.startsWith("POST ")).map(l -> l.substring(5)).findFirst()
                    .orElse(null);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-hookcheck-source", "sign");
            result.out().lines().filter(l -> l.contains(": ")).forEach(l -> headers.put(l.substring(0, l.indexOf(": ")),
                    l.substring(l.indexOf(": ") + 2)));
            seen.add(new Seen(profile, url, headers, body, System.currentTimeMillis()));
        }
        return seen;
    }

    /** Where the scheme reads its signed timestamp from the body (Dfns's timestampSent), if it does. */
    private static Optional<SchemeSpec.Source> bodyTimestamp(SignatureScheme scheme) {
        return scheme.spec().map(SchemeSpec::timestamp).filter(s -> s.from() == SchemeSpec.Source.From.BODY);
    }

    /** The JSON body with the timestamp at the source's pointer set to {@code seconds}, in the source's unit. */
    private static byte[] withTimestamp(byte[] body, SchemeSpec.Source source, long seconds) {
        JsonNode root = JSON.readTree(body);
        String pointer = source.name();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) root.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1),
                source.unit() == SchemeSpec.Source.Unit.MILLISECONDS ? seconds * 1000 : seconds);
        return JSON.writeValueAsBytes(root);
    }

    private Map<String, List<JsonNode>> judge(ArrayNode cases) throws Exception {
        for (String profile : JUDGES.keySet()) {
            Path folder = JUDGES_DIR.resolve(profile);
            if (!Files.isDirectory(folder.resolve("node_modules"))) {
                fail("the providers' libraries are not installed: npm ci --prefix " + folder + " (.ci/run does it)");
            }
        }
        Path file = dir.resolve("cases.json");
        ObjectNode root = JSON.createObjectNode();
        root.set("cases", cases);
        Files.writeString(file, JSON.writeValueAsString(root));
        Process node = new ProcessBuilder("node", JUDGES_DIR.resolve("run.mjs").toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        Map<String, List<JsonNode>> verdicts = new LinkedHashMap<>();
        for (String line : out.lines().toList()) {
            JsonNode verdict = JSON.readTree(line);
            verdicts.computeIfAbsent(verdict.get("id").asString(), k -> new ArrayList<>()).add(verdict);
        }
        return verdicts;
    }

    private static void add(ArrayNode cases, String id, Seen seen, String secret, Map<String, String> headers,
            byte[] body) {
        // the receiver holds what verifies: the shared secret, or the public half of a signing key
        String verificationKey = Profiles.get(seen.profile()).scheme().verificationKey(Secret.of(secret)).reveal();
        ObjectNode c = cases.addObject().put("id", id).put("profile", seen.profile()).put("url", seen.url())
                .put("secret", verificationKey).put("now", seen.at())
                .put("body", Base64.getEncoder().encodeToString(body));
        ObjectNode h = c.putObject("headers");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("x-hookcheck-source")) {
                h.put(name, value);
            }
        });
    }

    private static JsonNode post(HttpClient client, URI url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + headers.keySet()));
    }

    private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, k.equalsIgnoreCase(name) ? value : v));
        return copy;
    }

    /** The same request as sent to another URL. */
    private static Seen withUrl(Seen seen, String url) {
        return new Seen(seen.profile(), url, seen.headers(), seen.body(), seen.at());
    }

    /** The URL with one more letter at the end of its path: another endpoint, same query. */
    private static String otherPath(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url + "x" : url.substring(0, query) + "x" + url.substring(query);
    }

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /**
     * The signature with its last character changed to another of the same alphabet: well-formed, wrong. Before
     * base64 padding the last character also carries unused bits, which decoders ignore: the change flips its
     * highest bit, a bit of the signature, so that a library that decodes before comparing sees it too.
     */
    private static String flipLast(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        char last = value.charAt(end - 1);
        char other = end < value.length() ? BASE64.charAt(BASE64.indexOf(last) ^ 32) : last == 'a' ? 'b' : 'a';
        return value.substring(0, end - 1) + other + value.substring(end);
    }
}

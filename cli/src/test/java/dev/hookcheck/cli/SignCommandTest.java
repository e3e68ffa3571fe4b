package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code hookcheck sign} reproduces the published signing vectors and prints curl commands that really work. */
class SignCommandTest {
    @TempDir
    Path dir;

    /** The reproducible cases of hookcheck/vectors/signatures.json: sign(signingSecrets ?? secrets, id, timestamp, body) = headers. */
    static Stream<JsonNode> signingVectors() throws IOException {
        try (InputStream in = SignCommandTest.class.getResourceAsStream("/hookcheck/vectors/signatures.json")) {
            return JsonMapper.shared().readTree(in).get("cases").valueStream()
                    .filter(c -> c.path("reproducible").asBoolean(false)).toList().stream();
        }
    }

    @Test
    void thereAreSigningVectorsForEveryProfile() throws IOException {
        assertThat(signingVectors().map(c -> c.get("profile").asString()).distinct()).containsAll(Profiles.names());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signingVectors")
    void signReproducesTheVector(JsonNode vector) throws IOException {
        // a case whose signature travels in the body gives the body before signing as unsignedBody
        boolean inBody = vector.has("unsignedBody");
        Path body = dir.resolve("body");
        Files.writeString(body, vector.get(inBody ? "unsignedBody" : "body").asString(), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("sign", "--profile", vector.get("profile").asString(),
                "--body", body.toString()));
        (vector.has("signingSecrets") ? vector.get("signingSecrets") : vector.get("secrets"))
                .forEach(secret -> args.addAll(List.of("--secret", secret.asString())));
        if (vector.has("id")) {
            args.addAll(List.of("--id", vector.get("id").asString()));
        }
        if (vector.has("timestamp")) {
            args.addAll(List.of("--timestamp", vector.get("timestamp").asString()));
        }
        if (vector.has("url")) {
            args.addAll(List.of("--url", vector.get("url").asString()));
        }

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as("%s", result).isZero();
        Map<String, String> expected = new LinkedHashMap<>();
        vector.get("headers").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
        String out = result.out();
        if (inBody) {
            int blank = out.indexOf(System.lineSeparator() + System.lineSeparator());
            String head = blank < 0 ? "" : out.substring(0, blank);
            String sent = out.startsWith(System.lineSeparator()) ? out.substring(System.lineSeparator().length())
                    : out.substring(blank + 2 * System.lineSeparator().length());
            assertThat(sent.stripTrailing()).isEqualTo(vector.get("body").asString());
            out = out.startsWith(System.lineSeparator()) ? "" : head;
        }
        assertThat(headers(out)).isEqualTo(expected);
    }

    @Test
    void withoutIdAndTimestampItSignsNowWithAFreshIdInTheProfilesFormat() {
        long before = Clock.systemUTC().instant().getEpochSecond();
        Cli.Result result = Cli.run("{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8), "sign",
                "--profile", "standard", "--secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "--body", "-");

        assertThat(result.exitCode()).as("%s", result).isZero();
        Map<String, String> headers = headers(result.out());
        assertThat(Profiles.get("standard").ids().event().matches(headers.get("webhook-id"))).isTrue();
        assertThat(Long.parseLong(headers.get("webhook-timestamp"))).isBetween(before, before + 60);
        assertThat(Profiles.get("standard").scheme().verify(headers,
                "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8),
                List.of(Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")), Clock.systemUTC()).isVerified()).isTrue();
    }

    @Test
    void theCurlCommandDeliversTheExactBodyWithAValidSignature() throws Exception {
        String body = "{\"event_id\":\"wevt_1\",\"note\":\"it's \\\"quoted\\\", $HOME `x` \\\\ é\"}\n";
        Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byte[][] receivedBody = new byte[1][];
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> received.put(name, values.get(0)));
            receivedBody[0] = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks";
            Cli.Result fromStdin = Cli.run(body.getBytes(StandardCharsets.UTF_8), "sign", "--profile", "vitable",
                    "--secret", "vitable_secret", "--body", "-", "--curl", url);
            assertThat(fromStdin.exitCode()).as("%s", fromStdin).isZero();

            assertThat(runInBash(fromStdin.out())).isZero();

            assertThat(receivedBody[0]).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(Profiles.get("vitable").scheme().verify(received, receivedBody[0],
                    List.of(Secret.of("vitable_secret")), Clock.systemUTC()).isVerified()).isTrue();

            Path file = dir.resolve("my body.json");
            Files.writeString(file, body, StandardCharsets.UTF_8);
            Cli.Result fromFile = Cli.run("sign", "--profile", "vitable", "--secret", "vitable_secret", "--body",
                    file.toString(), "--curl", url);
            assertThat(fromFile.out()).contains("--data-binary @'" + file + "'");
            assertThat(runInBash(fromFile.out())).isZero();
            assertThat(receivedBody[0]).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void withAUrlTheOutputStartsWithThePostLineAndTheHeadersStayTheSame() {
        byte[] body = "{\"event_id\":\"wevt_1\"}".getBytes(StandardCharsets.UTF_8);
        String[] common = {"sign", "--profile", "vitable", "--secret", "vitable_secret", "--body", "-", "--timestamp",
                "1767225600"};
        Cli.Result plain = Cli.run(body, common);
        Cli.Result withUrl = Cli.run(body, Stream.concat(Stream.of(common),
                Stream.of("--url", "https://example.com/hooks?a=1")).toArray(String[]::new));

        assertThat(withUrl.exitCode()).as("%s", withUrl).isZero();
        assertThat(withUrl.out().lines().findFirst()).contains("POST https://example.com/hooks?a=1");
        assertThat(headers(withUrl.out())).isEqualTo(headers(plain.out()));
    }

    @Test
    void aSchemeThatSignsTheUrlNeedsTheUrl() {
        Cli.Result result = Cli.run("{}".getBytes(StandardCharsets.UTF_8), "sign", "--profile", "square", "--secret",
                "Qm9v7AKG2vUu-bK8kCkRiJ", "--body", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("hookcheck: Square signs the request URL: pass --url URL, the URL"
                + " the receiver is configured with");
    }

    @Test
    void differentUrlsForSigningAndForCurlAreAUsageError() {
        Cli.Result result = Cli.run("sign", "--profile", "vitable", "--secret", "s", "--body", "-", "--url",
                "https://a.example/hooks", "--curl", "https://b.example/hooks");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("hookcheck: --url and --curl name different URLs; give the URL once");
    }

    @Test
    void anUnknownProfileIsAUsageErrorThatListsTheValidOnes() {
        Cli.Result result = Cli.run("sign", "--profile", "paypal", "--secret", "s", "--body", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("hookcheck: unknown profile 'paypal'; valid profiles: "
                + String.join(", ", Profiles.names()));
    }

    @Test
    void aSecretTheSchemeCannotUseIsAUsageError() {
        Cli.Result result = Cli.run("{}".getBytes(StandardCharsets.UTF_8), "sign", "--profile", "standard",
                "--secret", "not-base64!", "--body", "-");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).allMatch(line -> line.startsWith("hookcheck: --secret (or"
                + " HOOKCHECK_SECRET): this is not a Standard Webhooks secret: expected whsec_ followed by base64"))
                .noneMatch(line -> line.contains("not-base64!"));
    }

    private static int runInBash(String command) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", command.strip() + " --silent --show-error --fail")
                .redirectErrorStream(true).start();
        bash.getInputStream().transferTo(System.out);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return bash.exitValue();
    }

    private static Map<String, String> headers(String out) {
        Map<String, String> headers = new LinkedHashMap<>();
        out.lines().filter(line -> !line.startsWith("POST ")).forEach(line -> {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        });
        return headers;
    }
}

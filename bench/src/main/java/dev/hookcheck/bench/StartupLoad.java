package dev.hookcheck.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * In-process start of the mock server against WireMock's, each in a fresh JVM (what a test class
 * that starts one in {@code @BeforeAll} pays in a new test JVM), alternating, side by side in one run:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.hookcheck.bench.StartupLoad 10
 * java -cp bench/target/benchmarks.jar dev.hookcheck.bench.StartupLoad 10 --cds bench/target
 * </pre>
 *
 * With {@code --cds DIR} each side first makes an AppCDS archive of its own child (a training run with
 * {@code -XX:ArchiveClassesAtExit}) and every child maps it: what a test JVM given an archive would see.
 *
 * Each child times {@code MockServer.create(MockServerConfig.defaults()).start()} (or
 * {@code new WireMockServer(options().dynamicPort()).start()}) cold, then the first answer of
 * {@code GET /__admin/health} over a plain socket, then (Hookcheck only) the first answer that needs the
 * seeded data (a Vitable API request, {@code GET /v1/webhook-events}), then the median of five more
 * starts in the same JVM (the second test class).
 */
public final class StartupLoad {
    private static final String API_KEY = "bench";

    private StartupLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            child(args[1]);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path cds = args.length > 2 && args[1].equals("--cds") ? Path.of(args[2]) : null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> hookcheckJvm = cds == null ? List.of() : train(java, classpath, "hookcheck", cds);
        List<String> wiremockJvm = cds == null ? List.of() : train(java, classpath, "wiremock", cds);
        List<double[]> hookcheck = new ArrayList<>();
        List<double[]> wiremock = new ArrayList<>();
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d rounds, each start in a fresh JVM%s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds,
                cds == null ? "" : ", each side with its own AppCDS archive");
        for (int round = 1; round <= rounds; round++) {
            double[] h = run(java, classpath, hookcheckJvm, "hookcheck");
            double[] w = run(java, classpath, wiremockJvm, "wiremock");
            hookcheck.add(h);
            wiremock.add(w);
            System.out.printf(Locale.ROOT, "round %d: hookcheck start %.0f ms, health %.0f ms, seeded answer %.0f ms,"
                    + " warm start %.0f ms; wiremock start %.0f ms, health %.0f ms, warm start %.0f ms%n", round, h[0],
                    h[1], h[2], h[3], w[0], w[1], w[3]);
        }
        System.out.printf(Locale.ROOT, "RESULT median cold start: hookcheck %.0f ms, wiremock %.0f ms, ratio %.2f%n",
                median(hookcheck, 0), median(wiremock, 0), median(hookcheck, 0) / median(wiremock, 0));
        System.out.printf(Locale.ROOT, "RESULT median start to first health answer: hookcheck %.0f ms, wiremock %.0f ms;"
                + " hookcheck to its first seeded answer %.0f ms%n", median(hookcheck, 1), median(wiremock, 1),
                median(hookcheck, 2));
        System.out.printf(Locale.ROOT, "RESULT median warm start: hookcheck %.0f ms, wiremock %.0f ms%n",
                median(hookcheck, 3), median(wiremock, 3));
    }

    /** Makes {@code DIR/startup-<which>.jsa} with one child run; the options that map it. */
    private static List<String> train(String java, String classpath, String which, Path dir) throws Exception {
        Path archive = dir.resolve("startup-" + which + ".jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> training = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive));
        training.addAll(quiet);
        run(java, classpath, training, which);
        List<String> mapping = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        mapping.addAll(quiet);
        return mapping;
    }

    private static double[] run(String java, String classpath, List<String> jvm, String which) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("-cp", classpath, StartupLoad.class.getName(), "child", which));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0 || !out.startsWith("TIMES ")) {
            throw new IllegalStateException(which + " child failed: " + out);
        }
        return Arrays.stream(out.substring(6).split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** Prints {@code TIMES cold health seeded warm} in milliseconds. */
    private static void child(String which) throws Exception {
        long start = System.nanoTime();
        AutoCloseable server;
        int port;
        if (which.equals("hookcheck")) {
            MockServer mock = MockServer.create(MockServerConfig.defaults().withApiKey(API_KEY)).start();
            server = mock;
            port = mock.port();
        } else {
            WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            wm.start();
            server = wm::stop;
            port = wm.port();
        }
        double cold = millisSince(start);
        get(port, "/__admin/health");
        double health = millisSince(start);
        double seeded = 0;
        if (which.equals("hookcheck")) {
            get(port, "/v1/webhook-events?limit=1"); // a Vitable API request: Vitable's history only
            seeded = millisSince(start);
        }
        server.close();
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            long again = System.nanoTime();
            if (which.equals("hookcheck")) {
                MockServer.create(MockServerConfig.defaults()).start().close();
            } else {
                WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
                wm.start();
                warm[i] = millisSince(again);
                wm.stop();
                continue;
            }
            warm[i] = millisSince(again);
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "TIMES %.1f %.1f %.1f %.1f%n", cold, health, seeded, warm[2]);
        System.out.flush();
        System.exit(0);
    }

    /** One GET over a plain socket (a JDK HttpClient would add its own cold start), answer read to the end. */
    private static void get(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + API_KEY
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            if (head.length < 12 || !new String(head, StandardCharsets.US_ASCII).endsWith("200")) {
                throw new IllegalStateException("GET " + path + ": " + new String(head, StandardCharsets.US_ASCII));
            }
            in.readAllBytes();
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}

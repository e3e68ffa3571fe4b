package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JDK client's selector thread, which the JVM's exit would wait on, ends when the command is done. In
 * a JVM of its own: stopping every client's thread here would stop the clients of other tests too.
 */
class ClientThreadsTest {
    @Test
    void theSelectorThreadsOfTheClientsUsedEnd() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).isEqualTo("selector threads: 1 before, 0 after");
    }

    /** Uses one client against a local server, stops the threads, counts them before and after. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            long before = selectors();
            ClientThreads.stop();
            System.out.println("selector threads: " + before + " before, " + selectors() + " after");
            server.stop(0);
        }

        private static long selectors() {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .filter(t -> t.getClass().getName().equals("jdk.internal.net.http.HttpClientImpl$SelectorManager"))
                    .count();
        }
    }
}

package dev.hookcheck.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

/** Before a run: is anything listening at the receiver's address? Otherwise every check would fail alike. */
final class Reachability {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private Reachability() {}

    static void require(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String host = url.getHost();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        } catch (UnknownHostException e) {
            throw unreachable(url, "unknown host " + host);
        } catch (ConnectException e) {
            throw unreachable(url, "connection refused on " + host + ":" + port);
        } catch (SocketTimeoutException e) {
            throw unreachable(url, "no connection to " + host + ":" + port + " within " + CONNECT_TIMEOUT_MS / 1000
                    + " s");
        } catch (IOException e) {
            throw unreachable(url, e.getMessage());
        }
    }

    private static UsageError unreachable(URI url, String why) {
        return new UsageError("cannot reach " + url + ": " + why + "; start the receiver, or check --url");
    }
}

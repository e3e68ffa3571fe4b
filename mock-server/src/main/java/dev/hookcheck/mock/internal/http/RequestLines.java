package dev.hookcheck.mock.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, each remembering how its latest request line began. When Jetty
 * cannot parse a request line (a URI over the limit, a NUL or a bad percent-encoding in the path)
 * it hands its error handler a stand-in request for {@code /badMessage}; the remembered start of
 * the line still tells which API the client was talking to, so the error comes in that API's shape.
 */
public final class RequestLines extends HttpConnectionFactory {
    /** Enough of a request line for the method and the longest path prefix a dialect owns. */
    static final int KEPT_BYTES = 128;

    public RequestLines(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        Remembering connection = new Remembering(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /**
     * The request target (path and query, as sent) of the latest request line on the request's
     * connection, possibly cut short; null when the connection is not one of these or nothing was read.
     */
    static String latestTarget(Request request) {
        if (!(request.getConnectionMetaData().getConnection() instanceof Remembering connection)) {
            return null;
        }
        byte[] start = connection.lineStart;
        if (start == null) {
            return null;
        }
        String line = new String(start, StandardCharsets.ISO_8859_1);
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String target = line.substring(space + 1);
        int end = target.indexOf(' ');
        target = end >= 0 ? target.substring(0, end) : target;
        int lineEnd = target.indexOf('\r');
        return lineEnd >= 0 ? target.substring(0, lineEnd) : target;
    }

    private static final class Remembering extends HttpConnection {
        // both set while the super constructor runs, hence no initializers
        private RequestHandler handler;
        private volatile byte[] lineStart;

        Remembering(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            handler = super.newRequestHandler();
            return handler;
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpConfiguration configuration = getHttpConfiguration();
            HttpParser parser = new HttpParser(handler, configuration.getRequestHeaderSize(), compliance) {
                @Override
                public boolean parseNext(ByteBuffer buffer) {
                    if (isStart() && buffer.hasRemaining()) {
                        byte[] start = new byte[Math.min(KEPT_BYTES, buffer.remaining())];
                        buffer.get(buffer.position(), start);
                        lineStart = start;
                    }
                    return super.parseNext(buffer);
                }
            };
            parser.setHeaderCacheSize(configuration.getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(configuration.isHeaderCacheCaseSensitive());
            return parser;
        }
    }
}

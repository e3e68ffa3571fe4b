package dev.hookcheck.conformance.internal.probe;

import dev.hookcheck.conformance.internal.Text;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code Probe.jdbc}: a query with one {@code ?} (the event id) whose first column of the first row is
 * the count. Database errors are reported in the database's own words, first line only, with the
 * JDBC URL's password left out.
 */
public final class JdbcProbe {
    /** Opens a connection: a data source's, or the driver manager's for a URL. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final boolean keepOpen;
    private final String sql;
    private Connection kept;

    /**
     * @param keepOpen keep one connection for every reading (a URL); else open and close one per reading
     *     (a data source, which pools)
     */
    public JdbcProbe(Connections connections, boolean keepOpen, String sql) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.keepOpen = keepOpen;
        Objects.requireNonNull(sql, "sql");
        long placeholders = placeholders(sql);
        if (placeholders != 1) {
            throw new IllegalArgumentException("the probe query needs exactly one ? for the event id, for example"
                    + " select count(*) from processed_events where event_id = ?; got " + placeholders
                    + " in '" + Text.cut(sql, 200) + "'");
        }
        this.sql = sql;
    }

    /** The {@code ?} outside quoted literals. */
    private static long placeholders(String sql) {
        long count = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** A URL's connections; {@code DriverManager} finds the driver. */
    public static Connections driverManager(String url, String user, String password) {
        Objects.requireNonNull(url, "jdbcUrl");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc:, for example"
                    + " jdbc:postgresql://localhost:5432/app; got '" + Text.cut(withoutPassword(url), 200) + "'");
        }
        return () -> {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(url, properties);
        };
    }

    public synchronized int count(String eventId) throws IOException {
        try {
            Connection connection = connection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return 0;
                    }
                    Object value = rows.getObject(1);
                    if (value == null) {
                        return 0;
                    }
                    if (!(value instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())
                            || number.longValue() < 0 || number.longValue() > Integer.MAX_VALUE) {
                        throw new IOException("the probe query returned " + Text.cut(String.valueOf(value), 80)
                                + " in its first column, not a count");
                    }
                    return number.intValue();
                }
            } finally {
                if (!keepOpen) {
                    connection.close();
                    kept = null;
                }
            }
        } catch (SQLException e) {
            forget();
            throw new IOException(describe(e));
        }
    }

    private Connection connection() throws SQLException {
        if (kept == null || kept.isClosed()) {
            kept = connections.open();
            if (kept == null) {
                throw new SQLException("no JDBC driver for this URL; hookcheck ships the PostgreSQL, MySQL, MariaDB"
                        + " and SQLite drivers (jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:, jdbc:sqlite:)");
            }
        }
        return kept;
    }

    private void forget() {
        if (kept != null) {
            try {
                kept.close();
            } catch (SQLException ignored) {
                // a broken connection is replaced at the next reading
            }
            kept = null;
        }
    }

    private static String describe(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("No suitable driver")) {
            return "no JDBC driver for this URL; hookcheck ships the PostgreSQL, MySQL, MariaDB and SQLite drivers"
                    + " (jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:, jdbc:sqlite:)";
        }
        return "the probe query failed: " + Text.cut(withoutPassword(message), 300);
    }

    /** Drivers quote the URL in some messages; a {@code password=} in it stays out of ours. */
    static String withoutPassword(String text) {
        return text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }
}

package dev.hookcheck.cli;

import dev.hookcheck.conformance.reference.Ledger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A reference receiver's ledger in a real database, as a receiver keeps it: a table of claimed event
 * ids with a unique key (claimed with {@code INSERT … ON CONFLICT DO NOTHING}) and a table with one row
 * per time the event's work was done, which the SQL probe counts.
 */
final class JdbcLedger implements Ledger {
    private final Connection connection;
    final String claims;
    final String effects;

    JdbcLedger(String url, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(url, user, password);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.claims = "webhook_claims_" + suffix;
        this.effects = "processed_events_" + suffix;
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table " + claims + " (event_id varchar(200) primary key)");
            ddl.execute("create table " + effects + " (event_id varchar(200) not null)");
        }
    }

    /** The query a user would give {@code --probe-sql}. */
    String probeSql() {
        return "select count(*) from " + effects + " where event_id = ?";
    }

    @Override
    public synchronized boolean claim(String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + claims
                + " (event_id) values (?) on conflict do nothing")) {
            insert.setString(1, key);
            return insert.executeUpdate() == 1;
        }
    }

    @Override
    public synchronized void record(String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + effects + " (event_id) values (?)")) {
            insert.setString(1, key);
            insert.executeUpdate();
        }
    }

    @Override
    public synchronized int count(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(probeSql())) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table " + claims);
            ddl.execute("drop table " + effects);
        } finally {
            connection.close();
        }
    }
}

package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The probes that need no code in the receiver: SQL over JDBC and a shell command. */
class ProbesTest {
    @TempDir
    Path dir;

    private String sqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.execute("create table processed_events (event_id text not null)");
            sql.execute("insert into processed_events values ('evt_1'), ('evt_2'), ('evt_2')");
        }
        return url;
    }

    @Test
    void aQueryCountsTheRowsOfAnEventAndAnEventWithoutRowsIsZero() throws Exception {
        Probe probe = Probe.jdbc(sqlite(), null, null, "select count(*) from processed_events where event_id = ?");
        assertThat(probe.timesProcessed("evt_1")).isEqualTo(1);
        assertThat(probe.timesProcessed("evt_2")).isEqualTo(2);
        assertThat(probe.timesProcessed("evt_3")).isZero();
    }

    @Test
    void aDataSourceProbeTakesAConnectionPerReading() throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl(sqlite());
        Probe probe = Probe.jdbc(source, "select count(*) from processed_events where event_id = ?");
        assertThat(probe.timesProcessed("evt_2")).isEqualTo(2);
        assertThat(probe.timesProcessed("evt_2")).isEqualTo(2);
    }

    @Test
    void aQueryWithNoRowCountsZeroAndOneThatReturnsTextIsRefused() throws Exception {
        String url = sqlite();
        assertThat(Probe.jdbc(url, null, null, "select 7 from processed_events where event_id = ? limit 1")
                .timesProcessed("nope")).isZero();
        assertThatThrownBy(() -> Probe.jdbc(url, null, null, "select event_id from processed_events where event_id = ?")
                .timesProcessed("evt_1"))
                .isInstanceOf(IOException.class).hasMessage("the probe query returned evt_1 in its first column, not a"
                        + " count");
    }

    @Test
    void aWrongQueryIsReportedInTheDatabasesWords() throws Exception {
        Probe probe = Probe.jdbc(sqlite(), null, null, "select count(*) from nope where event_id = ?");
        assertThatThrownBy(() -> probe.timesProcessed("evt_1")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("the probe query failed: ").hasMessageContaining("no such table: nope");
    }

    @Test
    void aQueryNeedsExactlyOnePlaceholderOutsideItsLiterals() {
        assertThatThrownBy(() -> Probe.jdbc("jdbc:sqlite::memory:", null, null, "select count(*) from t"))
                .hasMessageStartingWith("the probe query needs exactly one ? for the event id");
        assertThat(Probe.jdbc("jdbc:sqlite::memory:", null, null,
                "select count(*) from t where note <> 'why?' and id = ?")).isNotNull();
    }

    @Test
    void anUnknownDriverAndAPasswordInTheUrlStayOutOfTheMessage() {
        Probe probe = Probe.jdbc("jdbc:nosuchdb://db/app?password=hunter2", null, null, "select ?");
        assertThatThrownBy(() -> probe.timesProcessed("x")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("no JDBC driver for this URL").hasMessageNotContaining("hunter2");
    }

    @Test
    void aCommandPrintsTheCountAndGrepCountingZeroIsStillACount() throws Exception {
        Path log = Files.writeString(dir.resolve("processed.log"), "evt_1\nevt_2\nevt_2\n");
        Probe probe = Probe.command("grep -c {event_id} " + log);
        assertThat(probe.timesProcessed("evt_2")).isEqualTo(2);
        assertThat(probe.timesProcessed("evt_9")).as("grep exits 1 when it counts 0").isZero();
    }

    @Test
    void theEventIdNeverBecomesCommandText() throws Exception {
        Path marker = dir.resolve("pwned");
        Probe probe = Probe.command("echo {event_id} | wc -l");
        assertThat(probe.timesProcessed("x; touch " + marker + "; echo $(touch " + marker + ")")).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCommandThatPrintsSomethingElseOrCannotRunIsAClearError() {
        assertThatThrownBy(() -> Probe.command("echo many {event_id}").timesProcessed("evt_1"))
                .isInstanceOf(IOException.class)
                .hasMessage("the probe command printed 'many evt_1' (exit 0), not a count: it must print one whole"
                        + " number");
        assertThatThrownBy(() -> Probe.command("no-such-command-here {event_id}").timesProcessed("evt_1"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("the probe command cannot run (exit 127)");
    }

    @Test
    void aQuotedPlaceholderIsRefusedBecauseTheShellWouldNotExpandIt() {
        assertThatThrownBy(() -> Probe.command("redis-cli GET 'seen:{event_id}'"))
                .hasMessage("write {event_id} without quotes around it: hookcheck passes the id quoted (as"
                        + " \"$HOOKCHECK_EVENT_ID\")");
        assertThatThrownBy(() -> Probe.command("redis-cli GET seen"))
                .hasMessageStartingWith("the probe command must use the event id");
    }

    @Test
    void anHttpProbeThatAnswersSomethingElseSaysWhat() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().endsWith("text") ? "fine" : "{\"n\":1}").getBytes();
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("err") ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            assertThatThrownBy(() -> Probe.http(base + "{event_id}").timesProcessed("err"))
                    .hasMessageEndingWith("answered 500, expected 200 with {\"count\": n} (or 404 for an event never seen)");
            assertThatThrownBy(() -> Probe.http(base + "{event_id}").timesProcessed("text"))
                    .hasMessageEndingWith("answered something other than JSON {\"count\": n}: fine");
            assertThatThrownBy(() -> Probe.http(base + "{event_id}").timesProcessed("x"))
                    .hasMessageEndingWith("answered without a whole, non-negative \"count\": {\"n\":1}");
        } finally {
            server.stop(0);
        }
    }
}

package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.Ledger;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The probes that need no code in the receiver, end to end: a receiver that keeps its processed events
 * in a real PostgreSQL server or an SQLite file, checked with {@code --probe-sql}, and one that logs
 * them to a file, checked with {@code --probe-cmd} running grep. PostgreSQL comes from
 * {@code scripts/test-postgres.sh}, which {@code .ci/run} runs.
 */
class ProbeOptionsTest {
    static final String PG_URL = System.getProperty("hookcheck.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/hookcheck_test");
    static final String PG_USER = "hookcheck";
    static final String PG_PASSWORD = "hookcheck";
    private static final String SIDE_EFFECTS = "RPL-006,IDM-001,IDM-002,IDM-003,IDM-005,IDM-006,IDM-007,IDM-008";

    @TempDir
    Path dir;

    @BeforeAll
    static void postgresIsRunning() {
        try (var connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            assertThat(connection.isValid(5)).isTrue();
        } catch (SQLException e) {
            fail("this test needs a PostgreSQL server at " + PG_URL + " (user and password " + PG_USER
                    + "): run sudo scripts/test-postgres.sh, as .ci/run does (" + e.getMessage() + ")");
        }
    }

    private Cli.Result check(ReferenceReceiver receiver, String profile, String checks, String... probe) {
        List<String> args = new ArrayList<>(List.of("check", "--url", receiver.url().toString(), "--profile", profile,
                "--secret", Secrets.of(profile).reveal(), "--checks", checks, "--settle", "2",
                "--report-dir", dir.resolve("report").toString()));
        args.addAll(List.of(probe));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return ReportSchema.validReport(dir.resolve("report"));
    }

    @Test
    void aReceiverThatKeepsItsEventsInPostgresIsCheckedWithSql() throws Exception {
        try (JdbcLedger ledger = new JdbcLedger(PG_URL, PG_USER, PG_PASSWORD);
                ReferenceReceiver receiver = ReferenceReceiver.correct("standard").queued().withLedger(ledger).start()) {
            Cli.Result result = check(receiver, "standard", SIDE_EFFECTS, "--probe-jdbc-url", PG_URL, "--probe-user",
                    PG_USER, "--probe-password", PG_PASSWORD, "--probe-sql", ledger.probeSql());

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(ReportSchema.idsWithOutcome(report(), "passed")).containsExactly(SIDE_EFFECTS.split(","));
            // the command line names the option, with the variable that holds the password, and nothing else does
            String json = Files.readString(dir.resolve("report/report.json"));
            assertThat(json).contains("--probe-password \\\"$HOOKCHECK_PROBE_PASSWORD\\\"");
            assertThat(json.replace("--probe-password \\\"$HOOKCHECK_PROBE_PASSWORD\\\"", ""))
                    .doesNotContainIgnoringCase("password");
        }
    }

    @Test
    void aReceiverThatProcessesDuplicatesIntoPostgresIsCaughtBySql() throws Exception {
        try (JdbcLedger ledger = new JdbcLedger(PG_URL, PG_USER, PG_PASSWORD);
                ReferenceReceiver receiver = Flaw.PROCESSES_DUPLICATES.receiver("stripe").withLedger(ledger).start()) {
            Cli.Result result = check(receiver, "stripe", SIDE_EFFECTS, "--probe-jdbc-url", PG_URL, "--probe-user",
                    PG_USER, "--probe-password", PG_PASSWORD, "--probe-sql", ledger.probeSql());

            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(ReportSchema.idsWithOutcome(report(), "failed")).containsExactly("RPL-006", "IDM-001", "IDM-002");
        }
    }

    @Test
    void aReceiverThatKeepsItsEventsInSqliteIsCheckedWithSql() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("receiver.db");
        try (JdbcLedger ledger = new JdbcLedger(url, null, null);
                ReferenceReceiver receiver = ReferenceReceiver.correct("vitable").withLedger(ledger).start()) {
            Cli.Result result = check(receiver, "vitable", SIDE_EFFECTS, "--probe-jdbc-url", url, "--probe-sql",
                    ledger.probeSql());

            assertThat(result.exitCode()).as("%s", result).isZero();
            JsonNode report = report();
            assertThat(ReportSchema.idsWithOutcome(report, "passed")).containsExactly("RPL-006", "IDM-001", "IDM-002",
                    "IDM-003", "IDM-005", "IDM-007", "IDM-008");
            assertThat(ReportSchema.idsWithOutcome(report, "skipped")).containsExactly("IDM-006");
        }
    }

    /** Logs one line per processed event; the probe greps the log. */
    private static Ledger logFile(Path log) {
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        return new Ledger() {
            @Override
            public boolean claim(String key) {
                return claimed.add(key);
            }

            @Override
            public synchronized void record(String key) throws IOException {
                Files.writeString(log, "processed " + key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }

            @Override
            public int count(String key) throws IOException {
                return Files.exists(log) ? (int) Files.readAllLines(log).stream()
                        .filter(line -> line.equals("processed " + key)).count() : 0;
            }
        };
    }

    @Test
    void aReceiverThatLogsWhatItProcessedIsCheckedWithACommand() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "");
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("github").queued().withLedger(logFile(log)).start()) {
            Cli.Result result = check(receiver, "github", SIDE_EFFECTS, "--probe-cmd",
                    "grep -c -x 'processed '{event_id} " + log);

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(ReportSchema.idsWithOutcome(report(), "passed")).containsExactly(SIDE_EFFECTS.split(","));
        }
        try (ReferenceReceiver receiver = Flaw.DEDUPES_BY_BODY_HASH.receiver("github").withLedger(logFile(log))
                .start()) {
            Cli.Result result = check(receiver, "github", SIDE_EFFECTS, "--probe-cmd",
                    "grep -c -x 'processed '{event_id} " + log);

            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(ReportSchema.idsWithOutcome(report(), "failed")).containsExactly("IDM-006");
        }
    }

    @Test
    void aProbeThatDoesNotWorkIsOneLineAndExitTwoBeforeAnythingIsSent() throws Exception {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("standard").start()) {
            assertUsage(check(receiver, "standard", SIDE_EFFECTS, "--probe-jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
                    "--probe-sql", "select count(*) from t where id = ?"), "hookcheck: the probe does not work: the probe"
                    + " query failed: Connection to 127.0.0.1:1 refused");
            assertUsage(check(receiver, "standard", SIDE_EFFECTS, "--probe-jdbc-url", PG_URL, "--probe-user", PG_USER,
                    "--probe-password", PG_PASSWORD, "--probe-sql", "select count(*) from no_such_table where id = ?"),
                    "hookcheck: the probe does not work: the probe query failed: ERROR: relation \"no_such_table\" does"
                            + " not exist");
            assertUsage(check(receiver, "standard", SIDE_EFFECTS, "--probe-cmd", "echo lots {event_id}"),
                    "hookcheck: the probe does not work: the probe command printed 'lots hookcheck-never-sent-");
            assertUsage(check(receiver, "standard", SIDE_EFFECTS, "--probe-sql", "select 1 where ? = ?"),
                    "hookcheck: --probe-sql needs the database: --probe-jdbc-url jdbc:postgresql://localhost:5432/app");
            assertUsage(check(receiver, "standard", SIDE_EFFECTS, "--probe-url", receiver.probeTemplate(),
                    "--probe-cmd", "echo 0"), "hookcheck: name one probe, not --probe-url and --probe-cmd");
            assertUsage(check(receiver, "standard", SIDE_EFFECTS, "--probe-url", "http://127.0.0.1:1/{event_id}"),
                    "hookcheck: the probe does not work: probe http://127.0.0.1:1/hookcheck-never-sent-");
            assertThat(receiver.timesProcessed("anything")).isZero();
        }
    }

    private static void assertUsage(Cli.Result result, String firstWords) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).as("%s", result).singleElement().asString().startsWith(firstWords);
        assertThat(result.out()).as("nothing ran").isEmpty();
    }
}

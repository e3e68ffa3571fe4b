package dev.hookcheck.cli;

import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Probe;
import dev.hookcheck.conformance.Receiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How {@code check} sees side effects: an HTTP endpoint of the receiver, a SQL query against its
 * database, or a shell command. At most one; each is tried once before the run (a never-sent event
 * id must read 0), so a wrong probe is one line and exit 2, not a run of confusing failures.
 */
final class ProbeOptions {
    @Option(names = "--probe-url", paramLabel = "TEMPLATE", defaultValue = "${env:HOOKCHECK_PROBE_URL}",
            description = "GET with {event_id} replaced must answer {\"count\": n} (404 = 0), e.g. "
                    + "http://localhost:3000/__probe/{event_id} (env HOOKCHECK_PROBE_URL).")
    String url;

    @Option(names = "--probe-jdbc-url", paramLabel = "URL", defaultValue = "${env:HOOKCHECK_PROBE_JDBC_URL}",
            description = "The receiver's database for --probe-sql: jdbc:postgresql://…, jdbc:mysql://…, "
                    + "jdbc:mariadb://…, jdbc:sqlite:FILE (env HOOKCHECK_PROBE_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--probe-sql", paramLabel = "SQL", defaultValue = "${env:HOOKCHECK_PROBE_SQL}",
            description = "A query with one ? (the event id) returning the count, e.g. "
                    + "\"select count(*) from processed_events where event_id = ?\" (env HOOKCHECK_PROBE_SQL).")
    String sql;

    @Option(names = "--probe-user", paramLabel = "USER", defaultValue = "${env:HOOKCHECK_PROBE_USER}",
            description = "The database user for --probe-sql (env HOOKCHECK_PROBE_USER).")
    String user;

    @Option(names = "--probe-password", paramLabel = "PASSWORD", defaultValue = "${env:HOOKCHECK_PROBE_PASSWORD}",
            description = "The database password for --probe-sql; prefer the variable HOOKCHECK_PROBE_PASSWORD.")
    String password;

    @Option(names = "--probe-cmd", paramLabel = "COMMAND", defaultValue = "${env:HOOKCHECK_PROBE_CMD}",
            description = "A shell command that prints the count, with {event_id} unquoted where the id goes, e.g. "
                    + "\"redis-cli SCARD processed:{event_id}\" (env HOOKCHECK_PROBE_CMD).")
    String command;

    /** The probe the options name, read once for an id never sent; empty when none is named. */
    Optional<Probe> probe() {
        List<String> named = new ArrayList<>();
        if (url != null) {
            named.add("--probe-url");
        }
        if (sql != null || jdbcUrl != null) {
            named.add("--probe-sql");
        }
        if (command != null) {
            named.add("--probe-cmd");
        }
        if (named.size() > 1) {
            throw new UsageError("name one probe, not " + String.join(" and ", named));
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        if ((sql == null) != (jdbcUrl == null)) {
            throw new UsageError(sql == null ? "--probe-jdbc-url needs the query that counts: --probe-sql \"select"
                    + " count(*) from processed_events where event_id = ?\""
                    : "--probe-sql needs the database: --probe-jdbc-url jdbc:postgresql://localhost:5432/app");
        }
        try {
            return Optional.of(url != null ? Probe.http(url)
                    : command != null ? Probe.command(command) : Probe.jdbc(jdbcUrl, user, password, sql));
        } catch (IllegalArgumentException e) {
            throw new UsageError(named.get(0) + ": " + e.getMessage());
        }
    }

    /** Before the run: a probe that cannot read, or counts an event never sent, would make every verdict wrong. */
    static void requireWorking(Receiver receiver) {
        Conformance.probeProblem(receiver).ifPresent(problem -> {
            throw new UsageError("the probe does not work: " + problem);
        });
    }
}

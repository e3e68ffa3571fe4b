package dev.hookcheck.conformance;

import dev.hookcheck.conformance.internal.probe.CommandProbe;
import dev.hookcheck.conformance.internal.probe.HttpProbe;
import dev.hookcheck.conformance.internal.probe.JdbcProbe;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How a check sees a side effect: how many times the receiver has processed an event. The event id
 * is the profile's idempotency key: {@code webhook-id} for Standard Webhooks, {@code event_id} for
 * Vitable, the first attempt's {@code id} for Dfns (later attempts point back to it through
 * {@code retryOf}), the event {@code id} for Stripe and Preo, {@code X-GitHub-Delivery} for GitHub.
 *
 * <p>"Processed" means the receiver did the event's work (stored the order, sent the mail), counted
 * once per time it did it. A receiver that answers first and works from a queue counts an event
 * when a worker has done it: checks wait for the count to settle (see {@link Options#settle}). The
 * count only ever grows. Without a probe the checks that need one are reported as not verified,
 * never as passed.
 */
@FunctionalInterface
public interface Probe {

    /** How many times the event has been processed; 0 for an event never seen. */
    int timesProcessed(String eventId) throws Exception;

    /**
     * A probe over HTTP: {@code GET} the template with {@code {event_id}} replaced (URL-encoded),
     * expecting {@code 200} and a JSON body {@code {"count": n}}; {@code 404} counts as 0.
     *
     * @param urlTemplate for example {@code http://localhost:8080/__probe/{event_id}}
     */
    static Probe http(String urlTemplate) {
        return new HttpProbe(urlTemplate)::count;
    }

    /**
     * A probe that asks the receiver's own database: {@code sql} has one {@code ?}, bound to the event
     * id, and returns the count in the first column of its first row (no row counts as 0), for example
     * {@code select count(*) from processed_events where event_id = ?}. A connection is taken from the
     * data source for each reading and closed after it.
     */
    static Probe jdbc(DataSource dataSource, String sql) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcProbe(dataSource::getConnection, false, sql)::count;
    }

    /**
     * The same over a JDBC URL ({@code jdbc:postgresql://localhost/app}, {@code jdbc:mysql://…},
     * {@code jdbc:mariadb://…}, {@code jdbc:sqlite:/path/app.db}), with one connection kept open for
     * every reading. The driver must be on the class path (the {@code hookcheck} command ships those four).
     *
     * @param user null where the URL says who (or the database needs no one)
     * @param password null for none
     */
    static Probe jdbc(String jdbcUrl, String user, String password, String sql) {
        return new JdbcProbe(JdbcProbe.driverManager(jdbcUrl, user, password), true, sql)::count;
    }

    /**
     * A probe that runs a shell command ({@code sh -c}) and reads the count it prints, for anything
     * else: Redis, a log file, a queue's admin tool. Write {@code {event_id}} unquoted where the id
     * goes; it is passed as a quoted shell variable, never spliced into the command text, and is also
     * in the environment as {@code HOOKCHECK_EVENT_ID}:
     * {@code redis-cli SCARD processed:{event_id}}, {@code grep -c {event_id} /var/log/app/processed.log}.
     * The command's standard output must be one whole number; its exit status is not read (so
     * {@code grep -c} works), except that a command that cannot run is an error.
     */
    static Probe command(String commandTemplate) {
        return new CommandProbe(commandTemplate)::count;
    }
}

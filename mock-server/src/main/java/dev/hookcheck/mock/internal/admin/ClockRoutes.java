package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.delivery.DeliveryEngine;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;

/**
 * The server's clock, which drives timestamps, retry schedules and retention: read it, jump it
 * ahead (firing every attempt that falls due on the way, in order), change its speed. Moving it
 * needs a virtual clock (the default); a server started on another clock answers 409.
 */
final class ClockRoutes {
    /** Ten years: far enough for any retry schedule, near enough to stay a sane instant. */
    static final long MAX_ADVANCE_SECONDS = 10L * 365 * 86_400;
    static final double MAX_SCALE = 1_000_000;

    private final ServerContext context;
    private final DeliveryEngine engine;

    ClockRoutes(ServerContext context) {
        this.context = context;
        this.engine = context.deliveries();
    }

    /** {@code GET /__admin/clock}. */
    void show(Context ctx) {
        Json.write(ctx, 200, Views.clock(context.clock(), engine.scheduled()));
    }

    /** {@code POST /__admin/clock/advance}: {@code {"seconds": n}} or {@code {"duration": "PT1H"}}. */
    void advance(Context ctx) {
        Body body = Body.read(ctx, List.of("seconds", "duration"));
        Double seconds = body.number("seconds", 0, MAX_ADVANCE_SECONDS);
        Duration duration = body.duration("duration");
        if (seconds != null && duration != null) {
            throw ApiException.invalid("duration", "give seconds or duration, not both");
        }
        if (seconds == null && duration == null) {
            throw ApiException.invalid("seconds", "seconds (a number) or duration (ISO-8601, such as PT1H) is required");
        }
        Duration amount = duration != null ? duration : Duration.ofMillis(Math.round(seconds * 1000));
        if (amount.compareTo(Duration.ofSeconds(MAX_ADVANCE_SECONDS)) > 0) {
            throw ApiException.invalid("duration", "duration must be at most ten years, got " + Quote.of(duration.toString()) + "");
        }
        requireVirtual();
        engine.advance(amount);
        show(ctx);
    }

    /** {@code POST /__admin/clock/scale}: {@code {"scale": n}}, 0 stops the clock (only advancing moves it). */
    void scale(Context ctx) {
        Body body = Body.read(ctx, List.of("scale"));
        if (!body.has("scale")) {
            throw ApiException.invalid("scale", "scale is required");
        }
        Double scale = body.number("scale", 0, MAX_SCALE);
        if (scale == null) {
            throw ApiException.invalid("scale", "scale must be a number, got null");
        }
        requireVirtual();
        engine.setTimeScale(scale);
        show(ctx);
    }

    private void requireVirtual() {
        if (!(context.clock() instanceof VirtualClock)) {
            throw ApiException.conflict("the server's clock is not virtual, so it cannot be moved or sped up; start the "
                    + "server with a VirtualClock (the default) to use /__admin/clock");
        }
    }
}

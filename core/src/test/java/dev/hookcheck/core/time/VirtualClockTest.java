package dev.hookcheck.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicLong nanos = new AtomicLong();

    private VirtualClock clock(double scale) {
        return new VirtualClock(START, scale, nanos::get);
    }

    @Test
    void aStoppedClockOnlyMovesWhenAdvanced() {
        VirtualClock clock = clock(0);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofDays(3));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(3)));
    }

    @Test
    void aScaledClockRunsThatManyTimesFasterThanRealTime() {
        VirtualClock clock = clock(3600);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void changingTheScaleKeepsTheCurrentInstant() {
        VirtualClock clock = clock(10);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        clock.setScale(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(11));
    }

    @Test
    void realTimeUntilATargetShrinksWithTheScale() {
        VirtualClock clock = clock(60);
        assertThat(clock.realTimeUntil(START.plus(Duration.ofMinutes(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(clock.realTimeUntil(START.minusSeconds(1))).isEqualTo(Duration.ZERO);
        assertThat(clock(0).realTimeUntil(START.plusSeconds(1))).isNull();
    }

    @Test
    void listenersHearEveryJumpAndSpeedChange() {
        VirtualClock clock = clock(1);
        AtomicInteger heard = new AtomicInteger();
        clock.onChange(heard::incrementAndGet);
        clock.advance(Duration.ofSeconds(1));
        clock.advanceTo(START.plusSeconds(60));
        clock.setScale(2);
        assertThat(heard).hasValue(3);
    }

    @Test
    void theClockNeverMovesBackward() {
        VirtualClock clock = clock(0);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        clock.advanceTo(START.minusSeconds(10));
        assertThat(clock.instant()).isEqualTo(START);
        assertThatThrownBy(() -> clock.setScale(-1)).hasMessageContaining("time scale");
    }
}

package io.roundtable.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PresenceTest {
    private static final Instant SEEN = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration AWAY = Duration.ofSeconds(20);
    private static final Duration OFFLINE = Duration.ofSeconds(45);

    private static Presence after(Duration silence) {
        return Presence.of(SEEN, SEEN.plus(silence), AWAY, OFFLINE);
    }

    @Test
    void a_member_is_online_up_to_and_including_the_away_threshold() {
        assertThat(after(Duration.ZERO)).isEqualTo(Presence.ONLINE);
        assertThat(after(AWAY)).isEqualTo(Presence.ONLINE);
    }

    @Test
    void a_member_is_away_after_it_and_up_to_the_offline_threshold() {
        assertThat(after(AWAY.plusMillis(1))).isEqualTo(Presence.AWAY);
        assertThat(after(OFFLINE)).isEqualTo(Presence.AWAY);
    }

    @Test
    void a_member_is_offline_after_that() {
        assertThat(after(OFFLINE.plusMillis(1))).isEqualTo(Presence.OFFLINE);
        assertThat(after(Duration.ofDays(3))).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void a_heartbeat_from_the_future_counts_as_online() {
        assertThat(Presence.of(SEEN.plusSeconds(5), SEEN, AWAY, OFFLINE)).isEqualTo(Presence.ONLINE);
    }
}

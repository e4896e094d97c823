package io.roundtable.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.Bucket;
import io.roundtable.runtime.fixture.Configs;

/**
 * Each limit lets a burst through and then holds the rest back. The rates are small, so that no refill
 * can arrive during a test: a refill takes a second at the least.
 */
class RateLimitsTest {
    private final RateLimits limits = new RateLimits(Configs.of(
            "roundtable.limits.commands-per-second", "1",
            "roundtable.limits.rooms-per-minute", "2",
            "roundtable.limits.joins-per-minute", "3",
            "roundtable.limits.sockets-per-client", "2",
            "roundtable.ws.frames-per-second", "1"));

    private static List<Boolean> tries(int times, BooleanSupplier attempt) {
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            allowed.add(attempt.getAsBoolean());
        }
        return allowed;
    }

    @Test
    void a_member_may_send_a_burst_of_twice_the_rate_of_commands_then_is_held_back() {
        assertThat(tries(3, () -> limits.command("r1", "m1"))).containsExactly(true, true, false);
    }

    @Test
    void each_member_of_each_room_has_a_budget_of_their_own() {
        tries(3, () -> limits.command("r1", "m1"));

        assertThat(limits.command("r1", "m2")).isTrue();
        assertThat(limits.command("r2", "m1")).isTrue();
    }

    @Test
    void a_client_address_may_create_so_many_rooms_a_minute() {
        assertThat(tries(3, () -> limits.createRoom("10.0.0.1"))).containsExactly(true, true, false);
        assertThat(limits.createRoom("10.0.0.2")).isTrue();
    }

    @Test
    void a_client_address_may_join_so_many_times_a_minute_whatever_rooms_it_creates() {
        tries(3, () -> limits.createRoom("10.0.0.1"));

        assertThat(tries(4, () -> limits.join("10.0.0.1"))).containsExactly(true, true, true, false);
    }

    @Test
    void a_client_address_may_hold_so_many_sockets_and_one_closed_frees_a_place() {
        assertThat(tries(3, () -> limits.openSocket("10.0.0.1"))).containsExactly(true, true, false);

        limits.closeSocket("10.0.0.1");

        assertThat(limits.openSocket("10.0.0.1")).isTrue();
        assertThat(limits.openSocket("10.0.0.2")).isTrue();
    }

    @Test
    void each_socket_gets_its_own_bucket_for_a_burst_of_twice_its_frame_rate() {
        Bucket first = limits.socketFrames();
        Bucket second = limits.socketFrames();

        assertThat(tries(3, () -> first.tryConsume(1))).containsExactly(true, true, false);
        assertThat(second.tryConsume(1)).isTrue();
    }
}

package io.roundtable.spec;

import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.roundtable.core.room.Command;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Presence;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.spi.Policy;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.testkit.Table;

/** Heartbeats and presence, lost seats under each seat-loss policy, the sweep and idle rooms. */
class SeatLossAndPresenceTest {
    private static final RoomSettings SETTINGS = RoomSettings.defaults();
    private static final Duration AWAY = SETTINGS.timings().awayAfter();
    private static final Duration OFFLINE = SETTINGS.timings().offlineAfter();
    private static final Duration GRACE = SETTINGS.timings().gracePeriod();

    private static Presence presence(Table table, String member) {
        return table.room().member(member).orElseThrow().presence();
    }

    @Test
    void a_member_shows_online_then_away_then_offline_as_the_silence_grows() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.after(AWAY, bob);
        assertThat(presence(table, ann)).isEqualTo(Presence.ONLINE);
        table.after(Duration.ofMillis(1), bob);
        assertThat(presence(table, ann)).isEqualTo(Presence.AWAY);
        table.after(OFFLINE.minus(AWAY).minusMillis(1), bob);
        assertThat(presence(table, ann)).isEqualTo(Presence.AWAY);
        table.after(Duration.ofMillis(1), bob);
        assertThat(presence(table, ann)).isEqualTo(Presence.OFFLINE);
        assertThat(table.frame(bob).at("/room/members/0/presence").asText()).isEqualTo("OFFLINE");
        assertThat(presence(table, bob)).isEqualTo(Presence.ONLINE);
        table.heartbeat(ann);
        assertThat(presence(table, ann)).isEqualTo(Presence.ONLINE);
    }

    @Test
    void a_member_whose_connection_closed_shows_offline_at_once_and_is_back_with_their_next_sign_of_life() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.after(Duration.ofSeconds(2), ann, bob);
        table.apply(new Command.Closed(bob, table.now()));
        assertThat(presence(table, bob)).isEqualTo(Presence.OFFLINE);
        assertThat(table.frame(ann).at("/room/members/1/presence").asText()).isEqualTo("OFFLINE");
        table.after(Duration.ofSeconds(5), ann);
        assertThat(presence(table, bob)).as("the sweep does not read his last heartbeat as a new one").isEqualTo(Presence.OFFLINE);
        assertThat(table.room().member(bob)).as("his seat is kept as for any silence").isPresent();
        table.heartbeat(bob);
        assertThat(presence(table, bob)).isEqualTo(Presence.ONLINE);
    }

    @Test
    void a_closed_connection_changes_nothing_for_a_member_seen_since() {
        Table table = Table.of(new HighCard()).create();
        table.join("Ann");
        String bob = table.join("Bob");
        table.after(Duration.ofSeconds(2), bob).heartbeat(bob);
        long version = table.room().version();
        table.apply(new Command.Closed(bob, table.now().minusSeconds(1)));
        assertThat(presence(table, bob)).isEqualTo(Presence.ONLINE);
        assertThat(table.room().version()).isEqualTo(version);
        table.refuses(new Command.Closed("m9", table.now()), "room/not_member");
    }

    @Test
    void a_heartbeat_from_a_member_already_online_stores_nothing() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        long version = table.room().version();
        table.heartbeat(ann);
        assertThat(table.last().changed()).isFalse();
        assertThat(table.room().version()).isEqualTo(version);
        table.refuses(new Command.Heartbeat("m9"), "room/not_member");
    }

    @Test
    void a_sweep_that_changes_nothing_keeps_the_version() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        long version = table.room().version();
        table.after(Duration.ofSeconds(5), ann);
        assertThat(table.last().changed()).isFalse();
        assertThat(table.last().expired()).isFalse();
        assertThat(table.room().version()).isEqualTo(version);
    }

    @Test
    void the_sweep_reads_heartbeats_reported_by_the_runtime() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.after(AWAY.plusSeconds(1));
        assertThat(presence(table, ann)).isEqualTo(Presence.AWAY);
        table.apply(new Command.Tick(Map.of(ann, table.now())));
        assertThat(presence(table, ann)).isEqualTo(Presence.ONLINE);
    }

    @Test
    void the_sweep_removes_lobby_members_silent_past_the_grace_period() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String wes = table.watch("Wes");
        table.after(GRACE, ann);
        assertThat(table.room().members()).hasSize(3);
        table.after(Duration.ofMillis(1), ann);
        assertThat(table.room().members()).extracting(Member::id).containsExactly(ann);
        assertThat(table.room().member(bob)).isEmpty();
        assertThat(table.room().member(wes)).isEmpty();
    }

    @Test
    void a_host_swept_from_the_lobby_hands_the_room_over() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.after(GRACE.plusSeconds(1), bob);
        assertThat(table.room().roster().host()).isEqualTo(bob);
        assertThat(table.room().member(ann)).isEmpty();
    }

    @Test
    void with_the_bot_policy_a_stand_in_bot_plays_a_lost_seat_until_its_player_comes_back() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        String ann = seated.seat(0);
        table.after(GRACE.plusSeconds(1), seated.seat(1), seated.seat(2));
        Member lost = table.room().member(ann).orElseThrow();
        assertThat(lost.standIn()).isTrue();
        assertThat(lost.bot()).isFalse();
        assertThat(lost.presence()).isEqualTo(Presence.OFFLINE);
        assertThat(table.moves()).extracting(m -> m.by() + m.seat()).containsExactly("bot0");
        assertThat(table.frame(seated.seat(1)).at("/room/members/0/standIn").asBoolean()).isTrue();
        table.act(seated.seat(1), keep()).act(seated.seat(2), keep());
        assertThat(table.moves()).as("the stand-in also bets for seat 0").hasSize(4);
        table.heartbeat(ann);
        Member back = table.room().member(ann).orElseThrow();
        assertThat(back.standIn()).isFalse();
        assertThat(back.presence()).isEqualTo(Presence.ONLINE);
        assertThat(table.room().slot().gameVersion()).as("control changing hands is a game change")
                .isEqualTo(table.room().version());
    }

    @Test
    void a_stand_in_also_hands_control_back_when_the_sweep_sees_the_player_again() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.after(GRACE.plusSeconds(1), seated.seat(1));
        assertThat(table.room().member(seated.seat(0)).orElseThrow().standIn()).isTrue();
        table.after(Duration.ofSeconds(1), seated.all());
        assertThat(table.room().member(seated.seat(0)).orElseThrow().standIn()).isFalse();
    }

    @Test
    void with_the_pause_policy_the_game_pauses_until_the_lost_player_is_back() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.PAUSE));
        Table table = seated.table();
        String ann = seated.seat(0);
        String bob = seated.seat(1);
        table.after(GRACE.plusSeconds(1), ann);
        assertThat(table.room().slot().paused()).isTrue();
        assertThat(table.frame(ann).at("/room/paused").asBoolean()).isTrue();
        assertThat(table.room().member(bob)).as("a paused game keeps the lost seat").isPresent();
        table.after(GRACE, ann);
        assertThat(table.room().slot().paused()).isTrue();
        assertThat(table.room().member(bob)).isPresent();
        table.heartbeat(bob);
        assertThat(table.room().slot().paused()).isFalse();
        table.act(ann, keep());
    }

    @Test
    void heartbeats_of_players_still_online_do_not_change_a_paused_room() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.PAUSE));
        Table table = seated.table();
        table.after(GRACE.plusSeconds(1), seated.seat(0));
        assertThat(table.room().slot().paused()).isTrue();
        long version = table.room().version();
        table.heartbeat(seated.seat(0));
        assertThat(table.last().changed()).isFalse();
        assertThat(table.room().version()).isEqualTo(version);
        assertThat(table.room().slot().paused()).isTrue();
    }

    @Test
    void a_paused_game_resumes_when_the_sweep_sees_everyone_back() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.PAUSE));
        Table table = seated.table();
        table.after(GRACE.plusSeconds(1), seated.seat(0));
        table.after(Duration.ofSeconds(1), seated.all());
        assertThat(table.room().slot().paused()).isFalse();
    }

    @Test
    void with_the_abort_policy_a_lost_seat_ends_the_game_without_winners() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.ABORT));
        Table table = seated.table();
        table.after(GRACE.plusSeconds(1), seated.seat(0));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.room().slot().outcome().winners()).isEmpty();
        assertThat(table.room().slot().outcome().summary()).isEqualTo("Bob left, so the game was abandoned.");
    }

    @Test
    void an_idle_room_expires_once_nobody_has_been_around_for_the_configured_time() {
        Table table = Table.of(new HighCard()).settings(SETTINGS.withIdleRoomAfter(Duration.ofMinutes(5))).create();
        table.watch("Wes");
        table.after(Duration.ofMinutes(4));
        assertThat(table.last().expired()).isFalse();
        table.after(Duration.ofMinutes(1));
        assertThat(table.last().expired()).isTrue();
    }

    @Test
    void a_room_with_someone_online_never_expires() {
        Table table = Table.of(new HighCard()).settings(SETTINGS.withIdleRoomAfter(Duration.ofMinutes(1))).create();
        String ann = table.join("Ann");
        for (int i = 0; i < 10; i++) {
            table.after(Duration.ofMinutes(1), ann);
            assertThat(table.last().expired()).isFalse();
        }
    }

    @Test
    void a_room_of_bots_alone_expires_too() {
        Table table = Table.of(new HighCard()).settings(SETTINGS.withIdleRoomAfter(Duration.ofMinutes(1))).bots(1)
                .create();
        table.after(Duration.ofMinutes(1));
        assertThat(table.last().expired()).isTrue();
    }

    @Test
    void a_heartbeat_is_answered_with_the_current_version_and_the_member() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        Reply reply = table.apply(new Command.Heartbeat(ann));
        assertThat(reply).isEqualTo(new Reply.Accepted(table.room().version(), ann, false));
    }
}

package io.roundtable.core.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;

/** Members, settings and the game catalogue. */
class ValuesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void a_player_a_spectator_and_a_bot_start_out_as_expected() {
        Member ann = Member.player("m1", "Ann", "c1", 0, NOW);
        assertThat(ann.isSeated()).isTrue();
        assertThat(ann.ready()).isFalse();
        assertThat(ann.playedByBot()).isFalse();
        assertThat(ann.presence()).isEqualTo(Presence.ONLINE);
        Member wes = Member.spectator("m2", "Wes", "c2", NOW);
        assertThat(wes.isSpectator()).isTrue();
        Member bot = Member.botIn("m3", "Bot 1", 1, NOW);
        assertThat(bot.bot()).isTrue();
        assertThat(bot.ready()).isTrue();
        assertThat(bot.playedByBot()).isTrue();
    }

    @Test
    void a_member_changes_one_thing_at_a_time() {
        Member ann = Member.player("m1", "Ann", "c1", 0, NOW);
        assertThat(ann.withSeat(3).seat()).isEqualTo(3);
        assertThat(ann.withReady(true).ready()).isTrue();
        assertThat(ann.withStandIn(true).playedByBot()).isTrue();
        assertThat(ann.withInboxSeq(4).withAckedSeq(2)).extracting(Member::inboxSeq, Member::ackedSeq)
                .containsExactly(4L, 2L);
        Member gone = ann.withStandIn(true).replacedByBot();
        assertThat(gone.bot()).isTrue();
        assertThat(gone.standIn()).isFalse();
        assertThat(gone.name()).isEqualTo("Ann");
        assertThat(gone.client()).as("the membership no longer belongs to the client").isNull();
    }

    @Test
    void being_seen_never_moves_the_last_heartbeat_back() {
        Member ann = Member.player("m1", "Ann", "c1", 0, NOW);
        assertThat(ann.seen(NOW.plusSeconds(5), Presence.ONLINE).lastSeenAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(ann.seen(NOW.minusSeconds(5), Presence.AWAY).lastSeenAt()).isEqualTo(NOW);
        assertThat(ann.seen(NOW.minusSeconds(5), Presence.AWAY).presence()).isEqualTo(Presence.AWAY);
    }

    @Test
    void a_members_json_holds_its_fields_only() {
        var json = Json.tree(Member.spectator("m2", "Wes", "c2", NOW));
        assertThat(json.has("spectator")).isFalse();
        assertThat(json.has("seated")).isFalse();
        assertThat(json.has("seat")).isFalse();
        assertThat(Json.convert(json, Member.class)).isEqualTo(Member.spectator("m2", "Wes", "c2", NOW));
    }

    @Test
    void settings_change_one_limit_at_a_time() {
        RoomSettings defaults = RoomSettings.defaults();
        assertThat(defaults.withBarrierCountdown(Duration.ZERO).timings().barrierCountdown()).isZero();
        RoomSettings presence = defaults.withPresence(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
        assertThat(presence.timings()).extracting(RoomSettings.Timings::awayAfter, RoomSettings.Timings::offlineAfter,
                RoomSettings.Timings::gracePeriod)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(presence.limits()).isEqualTo(defaults.limits());
        assertThat(defaults.withIdleRoomAfter(Duration.ofMinutes(1)).timings().idleRoomAfter())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.withRecentReplies(2).limits().recentReplies()).isEqualTo(2);
        assertThat(defaults.withReceiptsPerSender(3).limits().receiptsPerSender()).isEqualTo(3);
        assertThat(defaults.withMaxBotMoves(4).limits()).isEqualTo(defaults.limits().withMaxBotMoves(4));
        assertThat(defaults.timings().awayAfter()).isLessThan(defaults.timings().offlineAfter());
        assertThat(defaults.timings().offlineAfter()).isLessThan(defaults.timings().gracePeriod());
    }

    @Test
    void an_empty_catalogue_knows_no_game() {
        GameCatalog catalog = GameCatalog.of();
        assertThat(catalog.find("avalon")).isEmpty();
        assertThat(catalog.all()).isEmpty();
        assertThatThrownBy(() -> catalog.get("avalon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("avalon");
    }

    @Test
    void a_reply_tells_whether_it_was_accepted() {
        assertThat(new Reply.Accepted(3, "m1", false).accepted()).isTrue();
        assertThat(new Reply.Rejected(io.roundtable.core.error.ErrorCode.ROOM_FULL.rejection(), 3).accepted()).isFalse();
        assertThat(Command.Tick.now().lastSeen()).isEmpty();
    }
}

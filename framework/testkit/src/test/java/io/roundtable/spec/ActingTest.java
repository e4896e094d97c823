package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static io.roundtable.spec.Tables.swap;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.spi.Policy;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.relay.Relay;
import io.roundtable.testkit.Table;

/** Game actions through the room: who may act when, and every way an action is refused. */
class ActingTest {

    private static Command.Act act(String member, com.fasterxml.jackson.databind.JsonNode action) {
        return new Command.Act(member, action, null, null);
    }

    @Test
    void an_accepted_action_moves_the_game_and_the_version_by_exactly_one() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        long version = table.room().version();
        Reply reply = table.apply(act(seated.seat(0), swap()));
        assertThat(reply).isEqualTo(new Reply.Accepted(version + 1, seated.seat(0), false));
        assertThat(table.room().version()).isEqualTo(version + 1);
        assertThat(table.room().slot().gameVersion()).isEqualTo(version + 1);
        assertThat(table.last().moves()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("act");
            assertThat(m.by()).isEqualTo("player");
            assertThat(m.version()).isEqualTo(version + 1);
            assertThat(m.action()).isEqualTo(swap());
        });
        assertThat(table.last().events()).extracting(Object::toString).containsExactly("Event[what=swap, seat=0]");
    }

    @Test
    void acting_out_of_turn_is_refused() {
        var seated = Tables.playing(3);
        seated.table().refuses(act(seated.seat(1), keep()), "action/not_your_turn");
    }

    @Test
    void acting_before_the_game_started_is_refused_as_the_wrong_phase() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.refuses(act(ann, keep()), "room/wrong_phase");
        table.join("Bob");
        table.ready(ann, "m2");
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
        table.refuses(act(ann, keep()), "room/wrong_phase");
    }

    @Test
    void a_spectator_cannot_act() {
        var seated = Tables.playing(2);
        String wes = seated.table().watch("Wes");
        seated.table().refuses(act(wes, keep()), "room/spectator");
    }

    @Test
    void a_stranger_cannot_act() {
        var seated = Tables.playing(2);
        seated.table().refuses(act("m77", keep()), "room/not_member");
    }

    @Test
    void acting_in_a_paused_game_is_refused() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.PAUSE));
        Table table = seated.table();
        table.after(table.engine().settings().timings().gracePeriod().plusSeconds(1), seated.seat(0));
        assertThat(table.room().slot().paused()).isTrue();
        table.refuses(act(seated.seat(0), keep()), "room/paused");
    }

    @Test
    void acting_in_a_finished_game_is_refused() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.act(seated.seat(0), keep()).act(seated.seat(1), keep())
                .act(seated.seat(0), bet("low")).act(seated.seat(1), bet("high"));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        table.refuses(act(seated.seat(0), bet("high")), "room/finished");
    }

    @Test
    void an_action_that_is_not_a_json_object_is_malformed() {
        var seated = Tables.playing(2);
        seated.table().refuses(act(seated.seat(0), TextNode.valueOf("keep")), "action/malformed");
        seated.table().refuses(act(seated.seat(0), null), "action/malformed");
    }

    @Test
    void an_action_the_game_cannot_read_is_malformed_with_a_short_sentence() {
        var seated = Tables.playing(2);
        var unknownType = Json.mapper().createObjectNode().put("type", "cheat" + "z".repeat(300));
        var rejection = seated.table().refuses(act(seated.seat(0), unknownType), "action/malformed");
        assertThat(rejection.message()).startsWith("This action does not have the shape the game expects")
                .hasSizeLessThan(300);
        var extraField = Json.mapper().createObjectNode().put("type", "keep").put("peek", true);
        seated.table().refuses(act(seated.seat(0), extraField), "action/malformed");
    }

    @Test
    void the_games_own_rejection_reaches_the_player_with_its_code_and_sentence() {
        var seated = Tables.playing(2);
        var rejection = seated.table().refuses(act(seated.seat(0), bet("high")), "highcard/not_betting_yet");
        assertThat(rejection.message()).isEqualTo("Bets open once every seat has kept or swapped.");
        Reply.Rejected reply = (Reply.Rejected) seated.table().last().reply();
        assertThat(reply.version()).isEqualTo(seated.table().room().version());
    }

    @Test
    void an_action_based_on_an_older_game_version_is_stale() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        long seen = table.room().version();
        table.act(seated.seat(0), keep());
        table.refuses(new Command.Act(seated.seat(1), swap(), seen, null), "action/stale_version");
        table.apply(new Command.Act(seated.seat(1), swap(), table.room().version(), null));
        assertThat(table.last().reply().accepted()).isTrue();
    }

    @Test
    void an_expected_version_from_the_future_is_stale_too() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.refuses(new Command.Act(seated.seat(0), keep(), table.room().version() + 1, null),
                "action/stale_version");
    }

    @Test
    void chat_presence_and_acknowledgements_do_not_make_an_action_stale() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        String wes = table.watch("Wes");
        long seen = table.room().version();
        table.send(seated.seat(1), Target.room(), "good luck");
        table.ack(seated.seat(0), 1);
        table.after(table.engine().settings().timings().awayAfter().plusSeconds(1), seated.seat(0));
        assertThat(table.room().member(seated.seat(1)).orElseThrow().presence().name()).isEqualTo("AWAY");
        table.heartbeat(seated.seat(1));
        table.leave(wes);
        assertThat(table.room().version()).isGreaterThan(seen + 4);
        Reply reply = table.apply(new Command.Act(seated.seat(0), keep(), seen, null));
        assertThat(reply.accepted()).isTrue();
    }

    @Test
    void a_retried_action_with_the_same_idempotency_key_is_applied_once_and_answered_with_the_same_version() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        Reply first = table.apply(new Command.Act(seated.seat(0), swap(), null, "move-1"));
        Room after = table.room();
        Reply again = table.apply(new Command.Act(seated.seat(0), swap(), null, "move-1"));
        Reply.Accepted accepted = (Reply.Accepted) first;
        assertThat(again).isEqualTo(new Reply.Accepted(accepted.version(), seated.seat(0), true));
        assertThat(table.room()).isEqualTo(after);
        assertThat(table.last().changed()).isFalse();
        assertThat(table.moves()).hasSize(1);
        table.act(seated.seat(1), keep());
        Reply late = table.apply(new Command.Act(seated.seat(0), swap(), null, "move-1"));
        assertThat(late).isEqualTo(new Reply.Accepted(accepted.version(), seated.seat(0), true));
    }

    @Test
    void idempotency_keys_belong_to_their_member() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.apply(new Command.Act(seated.seat(0), keep(), null, "same"));
        Reply bob = table.apply(new Command.Act(seated.seat(1), keep(), null, "same"));
        assertThat(bob).isInstanceOf(Reply.Accepted.class);
        assertThat(((Reply.Accepted) bob).replayed()).isFalse();
        assertThat(table.moves()).hasSize(2);
    }

    @Test
    void a_refused_action_does_not_use_up_its_idempotency_key() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.refuses(new Command.Act(seated.seat(0), bet("high"), null, "k"), "highcard/not_betting_yet");
        Reply retry = table.apply(new Command.Act(seated.seat(0), keep(), null, "k"));
        assertThat(((Reply.Accepted) retry).replayed()).isFalse();
    }

    @Test
    void an_idempotency_key_of_the_wrong_shape_is_refused() {
        var seated = Tables.playing(2);
        seated.table().refuses(new Command.Act(seated.seat(0), keep(), null, "no spaces"), "request/invalid");
        seated.table().refuses(new Command.Act(seated.seat(0), keep(), null, "k".repeat(65)), "request/invalid");
    }

    @Test
    void old_idempotency_keys_are_forgotten_beyond_the_configured_number() {
        Table table = Table.of(new Relay()).settings(Tables.NO_COUNTDOWN.withRecentReplies(2)).create();
        String ann = table.join("Ann");
        for (int i = 0; i < 3; i++) {
            table.apply(new Command.Act(ann, Json.tree(new Relay.Word("w")), null, "k" + i));
        }
        assertThat(table.room().recent()).extracting(r -> r.key()).containsExactly("k1", "k2");
        Reply forgotten = table.apply(new Command.Act(ann, Json.tree(new Relay.Word("w")),
                null, "k0"));
        assertThat(((Reply.Accepted) forgotten).replayed()).isFalse();
    }

    @Test
    void a_player_who_takes_too_long_is_not_waited_for_when_the_next_step_begins() {
        var seated = Tables.playing(2, HighCardOptions.timed(30));
        Table table = seated.table();
        table.after(Duration.ofSeconds(30), seated.all());
        table.refuses(act(seated.seat(0), swap()), "action/not_your_turn");
    }
}

package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static io.roundtable.spec.Tables.swap;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.spi.Viewer;
import io.roundtable.core.view.Deltas;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.testkit.Table;

/** Frames per viewer kind, and deltas between two frames of one viewer. */
class ViewsTest {
    private static final GameAdapter<?, ?, ?> HOST = new GameAdapter<>(new HighCard());

    private static HighCardState state(Table table) {
        return Json.convert(table.room().state(), HighCardState.class);
    }

    @Test
    void a_seat_sees_the_public_room_its_own_membership_its_channels_and_its_own_card_only() {
        var seated = Tables.playing(4);
        Table table = seated.table();
        HighCardState state = state(table);
        for (int seat = 0; seat < 4; seat++) {
            JsonNode frame = table.frame(seated.seat(seat));
            assertThat(frame.fieldNames()).toIterable().containsExactly("room", "me", "channels", "voice", "game");
            assertThat(frame.at("/me/member").asText()).isEqualTo(seated.seat(seat));
            assertThat(frame.at("/me/spectator").asBoolean()).isFalse();
            assertThat(frame.get("game")).isEqualTo(HOST.view(table.room().state(), Viewer.seat(seat)));
            assertThat(frame.at("/game/you").asInt()).isEqualTo(seat);
            for (int other = 0; other < 4; other++) {
                JsonNode card = frame.at("/game/seats/" + other + "/card");
                if (other == seat) {
                    assertThat(card.asInt()).isEqualTo(state.hands().get(seat));
                } else {
                    assertThat(card.isMissingNode()).as("seat %d sees seat %d's card", seat, other).isTrue();
                }
            }
            String parity = seat % 2 == 0 ? "even" : "odd";
            assertThat(frame.get("channels")).hasSize(1);
            assertThat(frame.at("/channels/0/id").asText()).isEqualTo(parity);
            assertThat(frame.at("/channels/0/canWrite").asBoolean()).isTrue();
            List<String> readers = new ArrayList<>();
            frame.at("/channels/0/members").forEach(n -> readers.add(n.asText()));
            assertThat(readers).containsExactly(seated.seat(seat % 2), seated.seat(seat % 2 + 2));
        }
    }

    @Test
    void a_spectator_member_sees_the_spectator_view_no_channels_and_its_own_membership() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        String wes = table.watch("Wes");
        JsonNode frame = table.frame(wes);
        assertThat(frame.at("/me/member").asText()).isEqualTo(wes);
        assertThat(frame.at("/me/spectator").asBoolean()).isTrue();
        assertThat(frame.at("/me/inbox/head").asLong()).isZero();
        assertThat(frame.get("channels")).isEmpty();
        assertThat(frame.get("game")).isEqualTo(HOST.view(table.room().state(), Viewer.SPECTATOR));
        assertThat(frame.at("/game/you").isMissingNode()).isTrue();
        assertThat(frame.get("game").findValues("card")).isEmpty();
    }

    @Test
    void an_anonymous_spectator_sees_what_a_spectator_member_sees_without_any_membership() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        String wes = table.watch("Wes");
        JsonNode anonymous = table.frame(null);
        assertThat(anonymous.get("me").toString()).isEqualTo("{\"member\":null,\"spectator\":true}");
        assertThat(anonymous.get("room")).isEqualTo(table.frame(wes).get("room"));
        assertThat(anonymous.get("game")).isEqualTo(table.frame(wes).get("game"));
        assertThat(anonymous.get("channels")).isEmpty();
        assertThat(table.frame("m404").get("me")).as("an unknown member is anonymous").isEqualTo(anonymous.get("me"));
    }

    @Test
    void the_public_room_facts_list_members_in_join_order_and_never_their_client_ids() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.watch("Wes");
        JsonNode room = table.frame(seated.seat(0)).get("room");
        assertThat(room.get("members").findValuesAsText("id")).containsExactly("m1", "m2", "m3");
        assertThat(room.get("members").get(2).get("seat").isNull()).isTrue();
        assertThat(room.get("phase").asText()).isEqualTo("PLAY");
        assertThat(room.get("minPlayers").asInt()).isEqualTo(2);
        assertThat(room.get("maxPlayers").asInt()).isEqualTo(4);
        assertThat(room.get("version").asLong()).isEqualTo(table.room().version());
        assertThat(table.frame(seated.seat(0)).toString()).doesNotContain("client-");
    }

    @Test
    void the_lobby_shows_no_game() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        assertThat(table.frame(ann).get("game").isNull()).isTrue();
        assertThat(table.frame(ann).at("/room/outcome").isNull()).isTrue();
    }

    @Test
    void a_finished_game_shows_everything_and_the_outcome_to_everyone() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.act(seated.seat(0), keep()).act(seated.seat(1), keep())
                .act(seated.seat(0), bet("high")).act(seated.seat(1), bet("high"));
        HighCardState state = state(table);
        for (String viewer : new String[] { seated.seat(0), seated.seat(1), null }) {
            JsonNode frame = table.frame(viewer);
            assertThat(frame.at("/game/seats/0/card").asInt()).isEqualTo(state.hands().get(0));
            assertThat(frame.at("/game/seats/1/card").asInt()).isEqualTo(state.hands().get(1));
            assertThat(frame.at("/room/outcome/summary").asText()).startsWith("Seat ");
            assertThat(frame.get("channels")).as("channels close with the game").isEmpty();
        }
    }

    @Test
    void the_delta_between_two_frames_of_a_viewer_reproduces_the_next_frame_at_every_step() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        String wes = table.watch("Wes");
        List<String> viewers = new ArrayList<>(seated.ids());
        viewers.add(wes);
        viewers.add(null);
        Map<String, JsonNode> last = new HashMap<>();
        viewers.forEach(v -> last.put(String.valueOf(v), table.frame(v)));
        List<Runnable> steps = List.of(
                () -> table.act(seated.seat(0), swap()),
                () -> table.send(seated.seat(1), Target.member(seated.seat(0)), "hm"),
                () -> table.act(seated.seat(1), keep()),
                () -> table.ack(seated.seat(0), 1),
                () -> table.act(seated.seat(2), swap()),
                () -> table.send(seated.seat(0), Target.channel("even"), "high?"),
                () -> table.act(seated.seat(2), bet("high")),
                () -> table.act(seated.seat(0), bet("low")),
                () -> table.leave(wes),
                () -> table.act(seated.seat(1), bet("high")));
        for (Runnable step : steps) {
            step.run();
            for (String viewer : viewers) {
                JsonNode before = last.get(String.valueOf(viewer));
                JsonNode next = table.frame(viewer);
                JsonNode patch = Deltas.diff(before, next);
                assertThat(Deltas.apply(patch, before)).isEqualTo(next);
                assertThat(patch.findValuesAsText("op")).allMatch(op -> List.of("add", "remove", "replace").contains(op));
                last.put(String.valueOf(viewer), next);
            }
        }
    }

    @Test
    void a_swap_changes_the_swappers_card_in_its_own_delta_only() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        JsonNode before0 = table.frame(seated.seat(0));
        JsonNode before1 = table.frame(seated.seat(1));
        table.act(seated.seat(0), swap());
        JsonNode mine = Deltas.diff(before0, table.frame(seated.seat(0)));
        JsonNode theirs = Deltas.diff(before1, table.frame(seated.seat(1)));
        JsonNode mineAfter = Deltas.apply(mine, before0);
        assertThat(mineAfter.at("/game/seats/0/card")).isNotEqualTo(before0.at("/game/seats/0/card"));
        assertThat(mineAfter.at("/game/seats/0/discarded").isMissingNode()).isFalse();
        assertThat(theirs.findValuesAsText("path")).noneMatch(path -> path.endsWith("/card") || path.endsWith("/discarded"));
        assertThat(theirs.findValues("card")).isEmpty();
        assertThat(theirs.findValues("discarded")).isEmpty();
        assertThat(Deltas.apply(theirs, before1).at("/game/seats/0/swapped").asBoolean()).isTrue();
    }

    @Test
    void equal_frames_give_an_empty_delta() {
        var seated = Tables.playing(2);
        JsonNode frame = seated.table().frame(seated.seat(0));
        assertThat(Deltas.diff(frame, frame.deepCopy())).isEmpty();
    }
}

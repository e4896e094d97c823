package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Reply;
import io.roundtable.sample.draft.Draft;
import io.roundtable.testkit.Table;

/**
 * Staleness is decided by what a move depended on: the seat's step and the choices it was offered.
 * Seats the game awaits at once never make each other's moves stale.
 */
class SimultaneousMovesTest {

    /** HighCard with three seats, everyone has kept: the three bets are awaited at once. */
    private static Tables.Seated betting() {
        var seated = Tables.playing(3);
        for (int seat = 0; seat < 3; seat++) {
            seated.table().act(seated.seat(seat), keep());
        }
        return seated;
    }

    private static Reply act(Table table, String member, JsonNode action, long expected) {
        return table.apply(new Command.Act(member, action, expected, null));
    }

    @Test
    void every_seat_of_a_simultaneous_step_may_act_against_the_version_they_all_saw() {
        var seated = betting();
        Table table = seated.table();
        long seen = table.room().version();
        assertThat(act(table, seated.seat(1), bet("high"), seen).accepted()).isTrue();
        assertThat(act(table, seated.seat(0), bet("low"), seen).accepted()).isTrue();
        assertThat(act(table, seated.seat(2), bet("high"), seen).accepted()).isTrue();
        assertThat(table.room().slot().outcome()).as("the three bets ended the game").isNotNull();
    }

    @Test
    void the_seats_of_one_step_may_act_in_any_order() {
        for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0))) {
            var seated = betting();
            Table table = seated.table();
            long seen = table.room().version();
            List<Boolean> accepted = new ArrayList<>();
            order.forEach(seat -> accepted.add(act(table, seated.seat(seat), bet("high"), seen).accepted()));
            assertThat(accepted).as("order %s", order).containsOnly(true);
        }
    }

    @Test
    void a_move_from_before_its_step_began_is_stale() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.act(seated.seat(0), keep());
        long beforeBetting = table.room().version();
        table.act(seated.seat(1), keep());
        table.refuses(new Command.Act(seated.seat(0), bet("high"), beforeBetting, null), "action/stale_version");
        assertThat(act(table, seated.seat(0), bet("high"), table.room().version()).accepted()).isTrue();
    }

    @Test
    void a_seat_awaited_again_after_its_own_move_is_in_a_new_step() {
        Table table = Table.of(new Draft()).settings(Tables.NO_COUNTDOWN).seed(5).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob);
        table.act(ann, new Draft.Take("A"));
        long lastOfRoundOne = table.room().version();
        table.act(bob, new Draft.Take("B"));
        table.refuses(new Command.Act(ann, Json.tree(new Draft.Take("C")), lastOfRoundOne, null),
                "action/stale_version");
    }

    @Test
    void a_move_is_stale_once_the_choices_its_seat_was_offered_changed() {
        Table table = Table.of(new Draft()).settings(Tables.NO_COUNTDOWN).seed(5).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.ready(ann, bob, cy);
        long seen = table.room().version();
        assertThat(act(table, ann, Json.tree(new Draft.Take("A")), seen).accepted()).isTrue();
        var rejection = table.refuses(new Command.Act(bob, Json.tree(new Draft.Take("B")), seen, null),
                "action/stale_version");
        assertThat(rejection.message()).contains("changed after version " + seen)
                .contains("now at version " + table.room().version());
        assertThat(act(table, bob, Json.tree(new Draft.Take("B")), table.room().version()).accepted()).isTrue();
    }
}

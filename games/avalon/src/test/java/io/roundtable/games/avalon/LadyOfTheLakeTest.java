package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.OBERON;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Lady of the Lake: who holds it first, when it is used, whom it may examine, who learns what. */
class LadyOfTheLakeTest {
    // seats:                                          0       1         2        3        4        5        6
    static final Role[] ROLES = {MERLIN, PERCIVAL, SERVANT, SERVANT, MORGANA, ASSASSIN, OBERON};
    static final AvalonOptions SEVEN = AvalonOptions.forPlayers(7).withLady(true);

    static Tabletop table(int firstLeader) {
        return Tabletop.dealt(SEVEN, firstLeader, ROLES);
    }

    @Test
    void the_token_starts_with_the_seat_to_the_right_of_the_first_leader() {
        assertThat(table(0).spectator().lady().holder()).isEqualTo(6);
        assertThat(table(3).spectator().lady().holder()).isEqualTo(2);
    }

    @Test
    void it_is_not_used_after_the_first_quest() {
        Tabletop table = table(0).questWith(seats(0, 1));
        assertThat(table.state().stage()).isEqualTo(Stage.PROPOSE);
    }

    @Test
    void it_is_used_after_quests_two_three_and_four() {
        Tabletop table = table(0).questWith(seats(0, 1)).questWith(seats(0, 1, 4), 4).act(6, AvalonAction.lady(2))
                .questWith(seats(0, 1, 2)).act(2, AvalonAction.lady(3));
        assertThat(table.state().quests()).extracting(AvalonState.Quest::succeeded).containsExactly(true, false, true);
        table.questWith(seats(0, 1, 4, 5), 4, 5);
        assertThat(table.state().stage()).isEqualTo(Stage.LADY);
        assertThat(table.game.awaiting()).containsExactly(3);
    }

    @Test
    void whoever_held_the_token_cannot_be_examined() {
        Tabletop table = table(0).questWith(seats(0, 1)).questWith(seats(0, 1, 2)).act(6, AvalonAction.lady(2))
                .questWith(seats(0, 1, 4), 4);

        table.rejects(2, AvalonAction.lady(6), "avalon/lady_held_before");
        assertThat(table.rejects(2, AvalonAction.lady(2), "avalon/lady_self").message())
                .isEqualTo("You cannot use the Lady of the Lake on yourself.");
        table.rejects(2, AvalonAction.lady(7), "avalon/no_such_seat");
        assertThat(table.view(2).youMay().get(0).seats()).containsExactly(0, 1, 3, 4, 5);
    }

    @Test
    void only_the_holder_learns_the_loyalty_and_oberon_shows_evil() {
        Tabletop table = table(1).questWith(seats(0, 1)).questWith(seats(0, 1, 2)).act(0, AvalonAction.lady(6));

        AvalonView.LadyResult seenByHolder = table.view(0).lady().uses().get(0);
        assertThat(seenByHolder.loyalty()).isEqualTo(Side.EVIL);
        assertThat(table.view(0).log()).contains(
                "Seat 0 used the Lady of the Lake on seat 6. Seat 6 is evil.");
        for (int seat = 1; seat < 7; seat++) {
            assertThat(table.view(seat).lady().uses().get(0).loyalty()).isNull();
            assertThat(table.view(seat).log()).contains("Seat 0 used the Lady of the Lake on seat 6.");
        }
        assertThat(table.spectator().lady().uses().get(0).loyalty()).isNull();
    }

    @Test
    void it_never_reveals_a_role_only_a_side() {
        Tabletop table = table(1).questWith(seats(0, 1)).questWith(seats(0, 1, 2)).act(0, AvalonAction.lady(1));
        assertThat(table.json(0).toString()).doesNotContain("percival");
        assertThat(table.view(0).lady().uses().get(0).loyalty()).isEqualTo(Side.GOOD);
    }

    @Test
    void without_the_option_there_is_no_lady() {
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(7), 0, ROLES).questWith(seats(0, 1))
                .questWith(seats(0, 1, 2));
        assertThat(table.state().stage()).isEqualTo(Stage.PROPOSE);
        assertThat(table.spectator().lady()).isNull();
    }
}

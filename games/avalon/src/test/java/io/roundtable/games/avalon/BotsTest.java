package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Turn;

/** Bots always have a legal move, and the heuristic plays like a person would. */
class BotsTest {
    final Avalon rules = new Avalon();

    /** Plays a whole game with {@code move} for every awaited seat; every move must be accepted. */
    int playsToTheEnd(AvalonOptions options, long seed, boolean timeouts) {
        GameRandom random = GameRandom.seeded(seed);
        AvalonState state = rules.setup(options.players(), options, random);
        int moves = 0;
        while (!state.over()) {
            for (int seat : state.awaiting()) {
                AvalonAction action = (timeouts ? rules.onTimeout(state, seat, random) : rules.bot(state, seat, random))
                        .orElseThrow();
                Decision<AvalonState> decision = rules.apply(state, seat, action, new Turn(Instant.EPOCH, random));
                assertThat(decision).as("seat %d: %s", seat, action).isInstanceOf(Decision.Accepted.class);
                state = ((Decision.Accepted<AvalonState>) decision).state();
                moves++;
                if (state.over() || !state.awaiting().contains(seat)) {
                    break;
                }
            }
            assertThat(moves).isLessThan(1_000);
        }
        return moves;
    }

    @Test
    void random_and_heuristic_bots_and_timeouts_always_move_legally_until_the_game_ends() {
        for (long seed = 0; seed < 1_500; seed++) {
            AvalonOptions options = RandomOptions.draw(GameRandom.seeded(seed));
            playsToTheEnd(options.withBotStrategy(AvalonOptions.RANDOM), seed, false);
            playsToTheEnd(options.withBotStrategy(AvalonOptions.HEURISTIC), seed, false);
            playsToTheEnd(options, seed, true);
        }
    }

    @Test
    void bots_are_asked_only_for_awaited_seats() {
        AvalonState state = rules.setup(5, AvalonOptions.defaults(), GameRandom.seeded(1));
        int idle = (state.leader() + 1) % 5;
        assertThat(rules.bot(state, idle, GameRandom.seeded(1))).isEmpty();
    }

    // seats: 0 Merlin, 1 Percival, 2 Servant, 3 Morgana, 4 Assassin
    static Tabletop table(int leader) {
        return Tabletop.dealt(AvalonOptions.defaults(), leader, MERLIN, PERCIVAL, SERVANT, MORGANA, ASSASSIN);
    }

    AvalonAction heuristic(Tabletop table, int seat, long seed) {
        return rules.bot(table.state(), seat, GameRandom.seeded(seed)).orElseThrow();
    }

    @Test
    void a_heuristic_leader_puts_themself_on_the_team() {
        for (int leader = 0; leader < 5; leader++) {
            AvalonAction.Propose proposal = (AvalonAction.Propose) heuristic(table(leader), leader, leader);
            assertThat(proposal.team()).hasSize(2).contains(leader);
        }
    }

    @Test
    void merlin_leaves_the_evil_he_sees_off_his_team_and_rejects_teams_with_them() {
        for (long seed = 0; seed < 20; seed++) {
            AvalonAction.Propose proposal = (AvalonAction.Propose) heuristic(table(0), 0, seed);
            assertThat(proposal.team()).doesNotContain(3, 4);
        }
        assertThat(heuristic(table(2).propose(2, 3), 0, 1)).isEqualTo(AvalonAction.reject());
    }

    @Test
    void good_players_approve_teams_they_are_on_and_evil_approves_teams_with_evil() {
        Tabletop table = table(0).propose(0, 2);
        for (long seed = 0; seed < 10; seed++) {
            assertThat(heuristic(table, 2, seed)).isEqualTo(AvalonAction.approve());
            assertThat(heuristic(table, 3, seed)).isEqualTo(AvalonAction.reject());
        }
        assertThat(heuristic(table(1).propose(1, 4), 3, 1)).isEqualTo(AvalonAction.approve());
    }

    @Test
    void evil_fails_every_quest_it_joins_and_good_succeeds() {
        Tabletop table = table(2).propose(2, 3).allApprove();
        assertThat(heuristic(table, 3, 1)).isEqualTo(AvalonAction.fail());
        assertThat(heuristic(table, 2, 1)).isEqualTo(AvalonAction.success());
    }

    @Test
    void the_assassin_names_whoever_rejected_a_team_with_evil_on_it_never_a_known_evil_player() {
        // Merlin (seat 0) alone among the good rejects the first team, which has Morgana (seat 3) on it.
        Tabletop table = table(2).propose(2, 3).approvedBy(1, 2, 3).quest().questWith(seats(0, 1, 2))
                .questWith(seats(1, 2));
        assertThat(table.state().stage()).isEqualTo(Stage.ASSASSINATE);
        for (long seed = 0; seed < 10; seed++) {
            assertThat(heuristic(table, 4, seed)).isEqualTo(AvalonAction.assassinate(0));
        }
    }

    @Test
    void on_the_last_proposal_of_a_round_good_players_approve() {
        Tabletop table = table(0);
        for (int i = 0; i < 4; i++) {
            table.rejectedProposal();
        }
        table.propose(4, 3);
        assertThat(heuristic(table, 2, 1)).isEqualTo(AvalonAction.approve());
    }
}

package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MINION;
import static io.roundtable.games.avalon.Role.MORDRED;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.OBERON;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.roundtable.core.room.WhoseTurn;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.spi.Turn;
import io.roundtable.testkit.Leak;
import io.roundtable.testkit.LeakChecker;

/** A refusal reads the same whatever hidden role the one refused holds: replies are no side channel. */
class RejectionsTest {
    static final AvalonOptions TEN = AvalonOptions.forPlayers(10)
            .withRoles("merlin", "percival", "morgana", "mordred", "assassin", "oberon").withLady(true);
    final Avalon rules = new Avalon();

    /** A ten-player table where {@code role} sits in seat 0, everything else public being equal. */
    static Tabletop withSeatZeroAs(Role role) {
        List<Role> roles = new ArrayList<>(List.of(SERVANT, PERCIVAL, SERVANT, SERVANT, SERVANT, MERLIN, MORGANA,
                MORDRED, ASSASSIN, OBERON));
        int other = roles.indexOf(role);
        roles.set(other, roles.get(0));
        roles.set(0, role);
        return Tabletop.dealt(TEN, 0, roles.toArray(Role[]::new));
    }

    Rejection refusal(AvalonState state, int seat, AvalonAction action) {
        Decision<AvalonState> decision = rules.apply(state, seat, action, new Turn(Instant.EPOCH, GameRandom.seeded(1)));
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<AvalonState>) decision).rejection();
    }

    @Test
    void a_team_of_the_wrong_size_is_refused_alike_for_every_leader_role() {
        Set<Rejection> refusals = new java.util.HashSet<>();
        for (Role role : List.of(SERVANT, MERLIN, PERCIVAL, MORGANA, MORDRED, ASSASSIN, OBERON)) {
            refusals.add(withSeatZeroAs(role).rejects(0, AvalonAction.propose(0, 1), "avalon/team_size"));
        }
        assertThat(refusals).singleElement().isEqualTo(
                new Rejection("avalon/team_size", "Quest 1 needs a team of exactly 3 players, not 2."));
    }

    @Test
    void every_good_role_is_refused_a_fail_card_in_the_same_words() {
        Set<Rejection> refusals = new java.util.HashSet<>();
        for (Role role : List.of(SERVANT, MERLIN, PERCIVAL)) {
            Tabletop table = withSeatZeroAs(role).propose(0, 1, 2).allApprove();
            refusals.add(table.rejects(0, AvalonAction.fail(), "avalon/good_cannot_fail"));
        }
        assertThat(refusals).singleElement().extracting(Rejection::message)
                .isEqualTo("Loyal servants of Arthur can only play Success.");
    }

    @Test
    void acting_out_of_turn_or_out_of_step_is_refused_alike_for_every_role() {
        Set<Rejection> outOfTurn = new java.util.HashSet<>();
        Set<Rejection> outOfStep = new java.util.HashSet<>();
        for (Role role : List.of(SERVANT, MERLIN, MORGANA, OBERON)) {
            AvalonState state = withSeatZeroAs(role).state();
            outOfTurn.add(WhoseTurn.refusal(rules.awaiting(state), 3).orElseThrow());
            outOfStep.add(refusal(state, 0, AvalonAction.approve()));
        }
        assertThat(outOfTurn).singleElement().extracting(Rejection::code).isEqualTo("action/not_your_turn");
        assertThat(outOfStep).singleElement().isEqualTo(new Rejection("avalon/wrong_step",
                "You cannot vote now: the leader is choosing a team."));
    }

    @Test
    void the_lady_refusals_do_not_depend_on_the_holders_role() {
        Set<Rejection> refusals = new java.util.HashSet<>();
        for (Role role : List.of(SERVANT, MERLIN, MORGANA, OBERON)) {
            // the first leader is seat 1, so seat 0 holds the Lady
            List<Role> roles = new ArrayList<>(withSeatZeroAs(role).state().roles());
            Tabletop table = Tabletop.dealt(TEN, 1, roles.toArray(Role[]::new))
                    .questWith(seats(1, 2, 3)).questWith(seats(1, 2, 3, 4));
            refusals.add(table.rejects(0, AvalonAction.lady(0), "avalon/lady_self"));
        }
        assertThat(refusals).hasSize(1);
    }

    /**
     * Random positions, and for the awaited seat probes fitting the step, legal and not: the leak
     * checker demands that each reply stays the same when hidden facts the actor cannot know change.
     */
    @Test
    void no_reply_legal_or_not_depends_on_anything_the_actor_cannot_see() {
        LeakChecker<AvalonOptions, AvalonState, AvalonAction> checker = LeakChecker.of(rules).perturbations(3);
        List<Leak> leaks = new ArrayList<>();
        int probes = 0;
        for (int g = 0; g < 24; g++) {
            GameRandom random = GameRandom.seeded(g);
            AvalonOptions options = RandomOptions.draw(random);
            AvalonState state = rules.setup(options.players(), options, random);
            for (int step = 0; !state.over(); step++) {
                int seat = random.pick(List.copyOf(state.awaiting()));
                for (AvalonAction probe : probes(state)) {
                    leaks.addAll(checker.checkAction(state, seat, probe, Instant.EPOCH, g, step, state.players(), random));
                    probes++;
                }
                AvalonAction move = rules.bot(state, seat, random).orElseThrow();
                state = ((Decision.Accepted<AvalonState>) rules.apply(state, seat, move,
                        new Turn(Instant.EPOCH, random))).state();
            }
        }
        assertThat(probes).isGreaterThan(3_000);
        assertThat(leaks).isEmpty();
    }

    private static List<AvalonAction> probes(AvalonState state) {
        List<AvalonAction> probes = new ArrayList<>();
        switch (state.stage()) {
            case PROPOSE -> probes.addAll(List.of(AvalonAction.propose(0, 1), AvalonAction.propose(0, 0, 1),
                    AvalonAction.propose(0, 1, 2), AvalonAction.propose(0, state.players()), AvalonAction.approve()));
            case VOTE -> probes.addAll(List.of(AvalonAction.approve(), new AvalonAction.CastVote(null),
                    AvalonAction.fail()));
            case QUEST -> probes.addAll(List.of(AvalonAction.fail(), AvalonAction.success(), AvalonAction.reject()));
            default -> {
                for (int seat = 0; seat <= state.players(); seat++) {
                    probes.add(AvalonAction.lady(seat));
                    probes.add(AvalonAction.assassinate(seat));
                }
            }
        }
        return probes;
    }
}

package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Phase;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.TurnTimer;
import io.roundtable.testkit.Table;

/** Optional turn timers: one per step, and what happens when one runs out. */
class TimersTest {
    static final AvalonOptions TIMED = AvalonOptions.defaults()
            .withTimers(new AvalonOptions.Timers(60, 30, 20, 40, 90));
    final Avalon rules = new Avalon();

    static Tabletop table() {
        return Tabletop.dealt(TIMED, 0, MERLIN, PERCIVAL, SERVANT, MORGANA, ASSASSIN);
    }

    Optional<TurnTimer> timer(Tabletop table) {
        return rules.timer(table.state(), TIMED);
    }

    @Test
    void there_are_no_timers_by_default() {
        Tabletop table = Tabletop.dealt(AvalonOptions.defaults(), 0, MERLIN, PERCIVAL, SERVANT, MORGANA, ASSASSIN);
        assertThat(rules.timer(table.state(), AvalonOptions.defaults())).isEmpty();
    }

    @Test
    void every_step_gets_its_own_timer_with_the_phase_limit() {
        Tabletop table = table();
        List<TurnTimer> timers = new ArrayList<>();
        timers.add(timer(table).orElseThrow());
        table.propose(0, 1);
        timers.add(timer(table).orElseThrow());
        table.allReject();
        timers.add(timer(table).orElseThrow());
        table.propose(1, 2).allApprove();
        timers.add(timer(table).orElseThrow());
        table.quest().questWith(seats(0, 1, 2)).questWith(seats(1, 2));
        timers.add(timer(table).orElseThrow());

        assertThat(timers).containsExactly(
                new TurnTimer("propose-q1-p1", Duration.ofSeconds(60)),
                new TurnTimer("vote-q1-p1", Duration.ofSeconds(30)),
                new TurnTimer("propose-q1-p2", Duration.ofSeconds(60)),
                new TurnTimer("quest-q1", Duration.ofSeconds(20)),
                new TurnTimer("assassinate-after-q3", Duration.ofSeconds(90)));
        table.act(4, AvalonAction.assassinate(2));
        assertThat(timer(table)).isEmpty();
    }

    @Test
    void a_step_name_never_repeats_within_a_game() {
        Set<String> steps = new HashSet<>();
        AvalonOptions options = AvalonOptions.forPlayers(8).withLady(true).withTimers(AvalonOptions.Timers.all(10));
        GameRandom random = GameRandom.seeded(3);
        AvalonState state = rules.setup(8, options, random);
        String last = "";
        while (!state.over()) {
            String step = rules.timer(state, options).orElseThrow().step();
            assertThat(step.equals(last) || steps.add(step)).as(step).isTrue();
            last = step;
            int seat = state.awaiting().iterator().next();
            AvalonAction move = rules.bot(state, seat, random).orElseThrow();
            state = ((Decision.Accepted<AvalonState>) rules.apply(state, seat, move, new Turn(Instant.EPOCH, random)))
                    .state();
        }
    }

    @Test
    void when_time_runs_out_the_leader_proposes_a_team_with_themself_voters_approve_and_cards_succeed() {
        Tabletop table = table();
        AvalonAction.Propose proposal = (AvalonAction.Propose) rules.onTimeout(table.state(), 0, GameRandom.seeded(1))
                .orElseThrow();
        assertThat(proposal.team()).hasSize(2).contains(0);

        table.propose(0, 3);
        assertThat(rules.onTimeout(table.state(), 2, GameRandom.seeded(1))).contains(AvalonAction.approve());
        table.allApprove();
        assertThat(rules.onTimeout(table.state(), 3, GameRandom.seeded(1))).contains(AvalonAction.success());
    }

    @Test
    void in_a_room_an_expired_timer_plays_the_default_for_every_awaited_seat() {
        Table room = Table.of(rules).options(Json.tree(TIMED)).create();
        String[] members = new String[5];
        for (int i = 0; i < 5; i++) {
            members[i] = room.join("P" + i);
        }
        room.ready(members).after(Duration.ofSeconds(3), members);
        assertThat(room.phase()).isEqualTo(Phase.PLAY);

        room.after(Duration.ofSeconds(60), members);
        JsonNode game = room.frame(members[0]).get("game");
        assertThat(game.get("phase").asText()).isEqualTo("vote");

        room.after(Duration.ofSeconds(30), members);
        assertThat(room.frame(members[0]).get("game").get("phase").asText()).isEqualTo("quest");

        room.after(Duration.ofSeconds(20), members);
        JsonNode after = room.frame(members[0]).get("game");
        assertThat(after.get("quests").get(0).get("succeeded").asBoolean()).isTrue();
        assertThat(room.moves()).extracting(m -> m.by()).contains("timeout");
    }
}

package io.roundtable.games.avalon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.GameRandom;

/** A finished game replays exactly from its seed and move log. */
class ReplayTest {
    final Avalon rules = new Avalon();

    Tabletop playedByBots(AvalonOptions options, long seed) {
        Tabletop table = Tabletop.seeded(options, seed);
        GameRandom random = GameRandom.seeded(seed);
        while (!table.game.over()) {
            int seat = table.game.awaiting().iterator().next();
            table.act(seat, rules.bot(table.state(), seat, random).orElseThrow());
        }
        return table;
    }

    @Test
    void a_finished_game_replayed_from_seed_and_log_equals_the_final_state() {
        for (long seed = 1; seed <= 30; seed++) {
            AvalonOptions options = RandomOptions.draw(GameRandom.seeded(seed));
            Tabletop table = playedByBots(options, seed);

            assertThat(table.game.over()).isTrue();
            assertThat(Json.tree(table.game.replayed())).isEqualTo(Json.tree(table.state()));
            assertThat(table.game.replayed()).isEqualTo(table.state());
        }
    }

    @Test
    void the_same_seed_deals_the_same_roles_and_first_leader() {
        AvalonOptions options = AvalonOptions.forPlayers(9);
        AvalonState a = rules.setup(9, options, GameRandom.seeded(42));
        AvalonState b = rules.setup(9, options, GameRandom.seeded(42));
        assertThat(a).isEqualTo(b);
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            AvalonState other = rules.setup(9, options, GameRandom.seeded(seed));
            differs = !other.roles().equals(a.roles()) || other.firstLeader() != a.firstLeader();
        }
        assertThat(differs).isTrue();
    }
}

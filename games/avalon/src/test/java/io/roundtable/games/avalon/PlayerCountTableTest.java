package io.roundtable.games.avalon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.roundtable.core.spi.Policy;

/** One test per row of the table by player count. */
class PlayerCountTableTest {

    @ParameterizedTest(name = "{0} players: {1} good, {2} evil, quests {3}, quest 4 fails with {4}")
    @CsvSource({
            "5, 3, 2, 2 3 2 3 3, 1",
            "6, 4, 2, 2 3 4 3 4, 1",
            "7, 4, 3, 2 3 3 4 4, 2",
            "8, 5, 3, 3 4 4 5 5, 2",
            "9, 6, 3, 3 4 4 5 5, 2",
            "10, 6, 4, 3 4 4 5 5, 2"})
    void each_player_count_deals_its_sides_and_sizes_its_quests(int players, int good, int evil, String sizes,
            int questFourFails) {
        AvalonOptions options = AvalonOptions.forPlayers(players);
        Tabletop table = Tabletop.seeded(options, players);
        List<Role> roles = table.state().roles();

        assertThat(roles).hasSize(players);
        assertThat(roles.stream().filter(Role::isEvil)).hasSize(evil);
        assertThat(roles.stream().filter(r -> !r.isEvil())).hasSize(good);
        List<Integer> expected = Arrays.stream(sizes.split(" ")).map(Integer::valueOf).toList();
        assertThat(table.spectator().questSizes()).isEqualTo(expected);
        assertThat(table.spectator().failsNeeded()).containsExactly(1, 1, 1, questFourFails, 1);
        assertThat(new Avalon().policy(options)).isEqualTo(Policy.fixed(players, players, Policy.SeatLoss.BOT));
    }

    @ParameterizedTest(name = "{0} players play with {1} by default")
    @CsvSource({
            "5, merlin percival morgana assassin",
            "6, merlin percival morgana assassin",
            "7, merlin percival morgana assassin oberon",
            "8, merlin percival morgana assassin mordred",
            "9, merlin percival morgana assassin mordred",
            "10, merlin percival morgana assassin mordred oberon"})
    void each_player_count_has_a_sensible_default_role_set(int players, String roles) {
        AvalonOptions options = AvalonOptions.forPlayers(players);

        assertThat(options.roles()).containsExactly(roles.split(" "));
        assertThat(new Avalon().validate(options)).isEmpty();
        assertThat(RoleSets.deck(options)).hasSize(players);
    }

    @ParameterizedTest(name = "with {0} players, one Fail on quest 4 makes it {1}")
    @CsvSource({"5, fail", "6, fail", "7, succeed", "10, succeed"})
    void the_two_fail_rule_applies_to_quest_four_from_seven_players(int players, String result) {
        Counts counts = Counts.of(players);
        assertThat(1 < counts.failsNeeded(4)).isEqualTo(result.equals("succeed"));
        for (int quest : List.of(1, 2, 3, 5)) {
            assertThat(counts.failsNeeded(quest)).isEqualTo(1);
        }
    }
}

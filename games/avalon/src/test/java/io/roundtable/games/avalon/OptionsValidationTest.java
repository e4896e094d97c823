package io.roundtable.games.avalon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.Rejection;
import io.roundtable.testkit.Table;

/** Room options are refused with a sentence that names the conflict. */
class OptionsValidationTest {
    final Avalon rules = new Avalon();

    List<Rejection> problems(AvalonOptions options) {
        return rules.validate(options);
    }

    AvalonOptions read(String json) {
        return Json.read(json, AvalonOptions.class);
    }

    @Test
    void absent_options_take_defaults_and_are_valid() {
        AvalonOptions options = read("{}");
        assertThat(options).isEqualTo(AvalonOptions.defaults());
        assertThat(options.players()).isEqualTo(5);
        assertThat(options.lady()).isFalse();
        assertThat(options.hammer()).isFalse();
        assertThat(options.botStrategy()).isEqualTo("heuristic");
        assertThat(options.timers()).isEqualTo(AvalonOptions.Timers.OFF);
        assertThat(problems(options)).isEmpty();
    }

    @Test
    void an_empty_role_list_means_the_default_set_for_the_player_count() {
        assertThat(read("{\"players\":8,\"roles\":[]}").roles()).containsExactly("merlin", "percival", "morgana",
                "assassin", "mordred");
    }

    @Test
    void the_player_count_must_be_five_to_ten() {
        assertThat(problems(read("{\"players\":4}"))).extracting(Rejection::code).containsExactly("avalon/player_count");
        assertThat(problems(read("{\"players\":11}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Avalon is played by 5 to 10 players, not 11."));
    }

    @Test
    void an_unknown_role_is_named() {
        assertThat(problems(AvalonOptions.defaults().withRoles("merln", "assassin"))).extracting(Rejection::message)
                .contains("There is no role \"merln\"; the roles are merlin, percival, servant, morgana, mordred, "
                        + "oberon, assassin, minion.");
    }

    @Test
    void role_names_are_read_without_regard_to_case() {
        assertThat(problems(AvalonOptions.defaults().withRoles("Merlin", " ASSASSIN "))).isEmpty();
    }

    @Test
    void a_special_role_may_not_appear_twice_but_servants_and_minions_may() {
        assertThat(problems(AvalonOptions.defaults().withRoles("merlin", "merlin", "assassin")))
                .extracting(Rejection::code).containsExactly("avalon/duplicate_role");
        assertThat(problems(AvalonOptions.forPlayers(6).withRoles("servant", "servant", "minion", "minion"))).isEmpty();
    }

    @Test
    void more_evil_roles_than_evil_seats_are_refused_with_the_roles_named() {
        assertThat(problems(AvalonOptions.forPlayers(6).withRoles("merlin", "assassin", "morgana", "mordred")))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("avalon/too_many_evil");
                    assertThat(p.message()).isEqualTo(
                            "3 evil roles (assassin, morgana, mordred) do not fit: 6 players have 2 evil seats.");
                });
    }

    @Test
    void more_good_roles_than_good_seats_are_refused() {
        assertThat(problems(AvalonOptions.forPlayers(5).withRoles("merlin", "assassin", "percival", "servant", "servant")))
                .extracting(Rejection::code).containsExactly("avalon/too_many_good");
    }

    @Test
    void merlin_and_the_assassin_need_each_other_and_percival_needs_merlin() {
        assertThat(problems(AvalonOptions.defaults().withRoles("merlin"))).extracting(Rejection::message)
                .containsExactly("Merlin needs the Assassin: add assassin or remove merlin.");
        assertThat(problems(AvalonOptions.defaults().withRoles("assassin"))).extracting(Rejection::message)
                .containsExactly("The Assassin needs Merlin to hunt: add merlin or remove assassin.");
        assertThat(problems(AvalonOptions.defaults().withRoles("percival", "morgana"))).extracting(Rejection::message)
                .containsExactly("Percival is only meaningful with Merlin: add merlin or remove percival.");
    }

    @Test
    void the_bot_strategy_and_timers_are_checked() {
        assertThat(problems(AvalonOptions.defaults().withBotStrategy("clever"))).extracting(Rejection::code)
                .containsExactly("avalon/unknown_bot_strategy");
        assertThat(problems(AvalonOptions.defaults().withTimers(new AvalonOptions.Timers(-1, null, null, null, null))))
                .extracting(Rejection::code).containsExactly("avalon/timer_range");
    }

    @Test
    void a_room_with_an_invalid_role_set_is_refused_at_creation_with_every_conflict() {
        JsonNode options = Json.tree(AvalonOptions.forPlayers(5).withRoles("percival", "morgana", "mordred", "oberon"));
        Rejection refused = Table.of(rules).options(options).refused();

        assertThat(refused.code()).isEqualTo("room/invalid_options");
        assertThat(refused.message()).contains("3 evil roles (morgana, mordred, oberon) do not fit: 5 players have 2 evil"
                + " seats.").contains("Percival is only meaningful with Merlin");
    }

    @Test
    void options_of_an_unknown_shape_are_refused_by_the_room() {
        Rejection refused = Table.of(rules).options(Json.read("{\"players\":7,\"ladyOfTheLake\":true}", JsonNode.class))
                .refused();
        assertThat(refused.code()).isEqualTo("room/invalid_options");
    }
}

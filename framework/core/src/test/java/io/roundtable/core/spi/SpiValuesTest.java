package io.roundtable.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The small values of the rules SPI check what they are given. */
class SpiValuesTest {

    @Test
    void a_policy_needs_at_least_one_player_and_a_maximum_not_below_the_minimum() {
        assertThatThrownBy(() -> Policy.fixed(0, 4, Policy.SeatLoss.BOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.fixed(5, 4, Policy.SeatLoss.BOT)).isInstanceOf(IllegalArgumentException.class);
        Policy dynamic = Policy.dynamic(5);
        assertThat(dynamic).isEqualTo(new Policy(1, 5, Policy.JoinMode.DYNAMIC, Policy.SeatLoss.FREE_SEAT));
        assertThat(Policy.fixed(2, 2, Policy.SeatLoss.PAUSE).joinMode()).isEqualTo(Policy.JoinMode.FIXED);
    }

    @Test
    void a_rejection_code_reads_namespace_slash_name_in_snake_case() {
        assertThat(new Rejection("avalon/team_size", "Pick three.").code()).isEqualTo("avalon/team_size");
        assertThatThrownBy(() -> new Rejection("TeamSize", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rejection("avalon/", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rejection("a/b", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Rejection(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_channel_has_a_short_lowercase_id_and_every_writer_reads_it() {
        Channel team = Channel.among("evil", Set.of(1, 3));
        assertThat(team.readers()).isEqualTo(team.writers()).containsExactlyInAnyOrder(1, 3);
        assertThat(new Channel("news", Set.of(0, 1), Set.of(0)).writers()).containsExactly(0);
        assertThatThrownBy(() -> new Channel("news", Set.of(0), Set.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must also read");
        assertThatThrownBy(() -> Channel.among("Evil Team", Set.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channel.among("x".repeat(33), Set.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_viewer_is_a_seat_or_the_spectator() {
        assertThat(Viewer.SPECTATOR.isSpectator()).isTrue();
        assertThat(Viewer.SPECTATOR.seatNumber()).isEmpty();
        assertThat(Viewer.SPECTATOR.is(0)).isFalse();
        assertThat(Viewer.SPECTATOR).hasToString("spectator");
        Viewer two = Viewer.seat(2);
        assertThat(two.isSpectator()).isFalse();
        assertThat(two.is(2)).isTrue();
        assertThat(two.seatNumber()).hasValue(2);
        assertThat(two).hasToString("seat 2");
        assertThatThrownBy(() -> Viewer.seat(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Viewer(-2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_secret_says_who_knows_it_exactly_who_knows_a_class_of_it_and_what_else_it_could_be() {
        Secret role = Secret.at("role", "/roles/2").knownTo(2).seenAs(0, "evil").alternatives("merlin", "percival");
        assertThat(role.knowledgeOf(Viewer.seat(2))).hasValue(Secret.EXACT);
        assertThat(role.knowledgeOf(Viewer.seat(0))).hasValue("evil");
        assertThat(role.knowledgeOf(Viewer.seat(1))).isEmpty();
        assertThat(role.knowledgeOf(Viewer.SPECTATOR)).isEmpty();
        assertThat(role.alternatives()).containsExactly("merlin", "percival");
        assertThat(Secret.at("card", "/hands/0").knownTo(List.of(0, 1)).seenBy()).containsOnlyKeys(0, 1);
        assertThatThrownBy(() -> Secret.at("card", "hands/0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_spectator_knows_nothing_of_a_secret_even_one_declared_known_to_every_seat() {
        Secret open = Secret.at("card", "/x").knownTo(0, 1, 2);
        assertThat(open.knowledgeOf(Viewer.SPECTATOR)).isEmpty();
    }

    @Test
    void decisions_and_outcomes_copy_what_they_are_given() {
        var accepted = (Decision.Accepted<String>) Decision.accept("next", "event-1", "event-2");
        assertThat(accepted.state()).isEqualTo("next");
        assertThat(accepted.events()).containsExactly("event-1", "event-2");
        var rejected = (Decision.Rejected<String>) Decision.<String>reject("game/nope", "No.");
        assertThat(rejected.rejection()).isEqualTo(new Rejection("game/nope", "No."));
        assertThat(Decision.reject(new Rejection("game/nope", "No."))).isEqualTo(rejected);
        Outcome aborted = Outcome.aborted("Ann left.");
        assertThat(aborted.winners()).isEmpty();
        assertThat(aborted.revealed()).isEmpty();
        assertThatThrownBy(() -> new Outcome(List.of(1), "x", Map.of()).winners().add(2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_turn_timer_names_its_step() {
        assertThat(new TurnTimer("vote-1", Duration.ofSeconds(30)).step()).isEqualTo("vote-1");
    }

    @Test
    void the_default_hooks_of_the_rules_change_nothing() {
        GameRules<String, String, String> minimal = new GameRules<>() {
            public String id() {
                return "minimal";
            }

            public Class<String> optionsType() {
                return String.class;
            }

            public Class<String> stateType() {
                return String.class;
            }

            public Class<String> actionType() {
                return String.class;
            }

            public String defaultOptions() {
                return "";
            }

            public Policy policy(String options) {
                return Policy.dynamic(2);
            }

            public String setup(int players, String options, GameRandom random) {
                return "s";
            }

            public Set<Integer> awaiting(String state) {
                return Set.of();
            }

            public Decision<String> apply(String state, int seat, String action, Turn turn) {
                return Decision.accept(state);
            }

            public Object view(String state, Viewer viewer) {
                return state;
            }

            public java.util.Optional<Outcome> outcome(String state) {
                return java.util.Optional.empty();
            }
        };
        GameRandom random = GameRandom.seeded(1);
        assertThat(minimal.title()).isEqualTo("minimal");
        assertThat(minimal.validate("")).isEmpty();
        assertThat(minimal.channels("s")).isEmpty();
        assertThat(minimal.secrets("s")).isEmpty();
        assertThat(minimal.bot("s", 0, random)).isEmpty();
        assertThat(minimal.onTimeout("s", 0, random)).isEmpty();
        assertThat(minimal.timer("s", "")).isEmpty();
        assertThat(minimal.onJoin("s", 0)).isEqualTo("s");
        assertThat(minimal.onLeave("s", 0)).isEqualTo("s");
        assertThat(minimal.spectatorsMayChat("s")).isTrue();
    }
}

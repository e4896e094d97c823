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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Secret;

/** The evil channel, and the secrets declared to the leak checker. */
class ChannelsAndSecretsTest {
    // seats: 0       1         2        3        4        5        6        7         8        9
    static final Role[] ROLES = {MERLIN, PERCIVAL, SERVANT, SERVANT, SERVANT, SERVANT, MORGANA, MORDRED, ASSASSIN, OBERON};
    static final AvalonOptions TEN = AvalonOptions.forPlayers(10)
            .withRoles("merlin", "percival", "morgana", "mordred", "assassin", "oberon");
    final Avalon rules = new Avalon();

    Tabletop table(AvalonOptions options) {
        return Tabletop.dealt(options, 0, ROLES);
    }

    Secret secretAt(List<Secret> secrets, String path) {
        return secrets.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void without_the_option_there_is_no_channel() {
        assertThat(rules.channels(table(TEN).state())).isEmpty();
    }

    @Test
    void the_evil_channel_joins_the_evil_who_see_each_other_and_leaves_oberon_out() {
        List<Channel> channels = rules.channels(table(TEN.withEvilChannel(true)).state());
        assertThat(channels).containsExactly(Channel.among("evil", java.util.Set.of(6, 7, 8)));
    }

    @Test
    void the_evil_channel_closes_when_the_game_ends() {
        Tabletop table = table(TEN.withEvilChannel(true));
        for (int i = 0; i < 5; i++) {
            table.rejectedProposal();
        }
        assertThat(rules.channels(table.state())).isEmpty();
    }

    @Test
    void roles_are_stored_once_as_an_array_by_seat() {
        JsonNode state = Json.tree(table(TEN).state());
        assertThat(state.get("roles").toString()).isEqualTo(
                "[\"merlin\",\"percival\",\"servant\",\"servant\",\"servant\",\"servant\",\"morgana\",\"mordred\","
                        + "\"assassin\",\"oberon\"]");
    }

    @Test
    void each_role_is_a_secret_known_to_its_owner_and_seen_through_the_visibility_table() {
        List<Secret> secrets = rules.secrets(table(TEN).state());

        Secret morgana = secretAt(secrets, "/roles/6");
        assertThat(morgana.kind()).isEqualTo("role");
        assertThat(morgana.seenBy()).containsOnly(Map.entry(6, Secret.EXACT), Map.entry(0, "evil"),
                Map.entry(1, "merlin-or-morgana"), Map.entry(7, "evil"), Map.entry(8, "evil"));
        assertThat(secretAt(secrets, "/roles/7").seenBy()).doesNotContainKey(0); // Merlin does not see Mordred
        assertThat(secretAt(secrets, "/roles/9").seenBy()).containsOnly(Map.entry(9, Secret.EXACT), Map.entry(0, "evil"));
        assertThat(secretAt(secrets, "/roles/2").seenBy()).containsOnly(Map.entry(2, Secret.EXACT));
        assertThat(secretAt(secrets, "/roles/2").alternatives()).containsExactly(SERVANT);
    }

    @Test
    void a_lady_result_adds_to_what_the_holder_knows_of_the_target() {
        Tabletop table = Tabletop.dealt(TEN.withLady(true), 1, ROLES).questWith(seats(1, 2, 3))
                .questWith(seats(1, 2, 3, 4)).act(0, AvalonAction.lady(7));
        assertThat(secretAt(rules.secrets(table.state()), "/roles/7").seenBy()).containsEntry(0, "lady:evil");
    }

    @Test
    void votes_are_secret_until_the_last_one_and_cards_until_the_quest_ends() {
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(5).withRoles("servant"), 0,
                SERVANT, SERVANT, SERVANT, MINION, MINION).propose(0, 3).act(1, AvalonAction.reject());

        Secret vote = secretAt(rules.secrets(table.state()), "/votes/1");
        assertThat(vote.kind()).isEqualTo("vote");
        assertThat(vote.seenBy()).containsOnly(Map.entry(1, Secret.EXACT));
        assertThat(vote.alternatives()).containsExactly(Vote.APPROVE, Vote.REJECT);

        for (int seat : List.of(0, 2, 3, 4)) {
            table.act(seat, AvalonAction.approve());
        }
        assertThat(rules.secrets(table.state())).extracting(Secret::kind).doesNotContain("vote");

        table.act(3, AvalonAction.fail());
        assertThat(secretAt(rules.secrets(table.state()), "/cards/3").alternatives())
                .containsExactly(Card.SUCCESS, Card.FAIL);
        table.act(0, AvalonAction.success());
        assertThat(rules.secrets(table.state())).extracting(Secret::kind).containsOnly("role");
        assertThat(Json.tree(table.state()).toString()).doesNotContain("\"fail\"");
    }

    @Test
    void the_assassin_steps_forward_and_after_the_game_nothing_is_secret() {
        Tabletop table = Tabletop.dealt(AvalonOptions.defaults(), 0, MERLIN, PERCIVAL, SERVANT, MORGANA, ASSASSIN)
                .questWith(seats(0, 1)).questWith(seats(0, 1, 2)).questWith(seats(1, 2));
        assertThat(rules.secrets(table.state())).extracting(Secret::path).doesNotContain("/roles/4").contains("/roles/0");

        table.act(4, AvalonAction.assassinate(1));
        assertThat(rules.secrets(table.state())).isEmpty();
    }
}

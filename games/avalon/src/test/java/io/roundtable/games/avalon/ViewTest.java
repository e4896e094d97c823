package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.games.avalon.AvalonView.Choice;

/** Each viewer's view: what a seat and a spectator are shown, and which actions each may take. */
class ViewTest {
    // seats: 0 Merlin, 1 Percival, 2 Servant, 3 Morgana, 4 Assassin; seat 0 leads first
    static Tabletop table() {
        return Tabletop.dealt(AvalonOptions.defaults(), 0, MERLIN, PERCIVAL, SERVANT, MORGANA, ASSASSIN);
    }

    @Test
    void a_seat_sees_its_role_side_and_the_public_table() {
        AvalonView view = table().view(2);

        assertThat(view.you()).isEqualTo(2);
        assertThat(view.role()).isEqualTo(SERVANT);
        assertThat(view.side()).isEqualTo(Side.GOOD);
        assertThat(view.phase()).isEqualTo(Stage.PROPOSE);
        assertThat(view.quest()).isEqualTo(1);
        assertThat(view.leader()).isZero();
        assertThat(view.questSizes()).containsExactly(2, 3, 2, 3, 3);
        assertThat(view.waitingFor()).containsExactly(0);
        assertThat(view.log()).containsExactly("Seat 0 leads first.");
    }

    @Test
    void the_leader_may_propose_a_team_of_the_quests_size_and_nobody_else_may_act() {
        Tabletop table = table();
        assertThat(table.view(0).youMay()).containsExactly(new Choice("propose", 2, List.of(0, 1, 2, 3, 4), null));
        for (int seat = 1; seat < 5; seat++) {
            assertThat(table.view(seat).youMay()).isEmpty();
        }
        assertThat(table.spectator().youMay()).isEmpty();
    }

    @Test
    void during_the_vote_everyone_sees_the_team_and_who_voted_but_not_how() {
        Tabletop table = table().propose(0, 2).act(3, AvalonAction.reject());
        AvalonView view = table.view(1);

        assertThat(view.team()).containsExactly(0, 2);
        assertThat(view.waitingFor()).as("everyone but seat 3, who voted").containsExactly(0, 1, 2, 4);
        assertThat(view.youMay()).containsExactly(new Choice("vote", null, null, List.of("approve", "reject")));
        assertThat(table.view(3).youMay()).isEmpty();
    }

    @Test
    void on_a_quest_good_may_only_succeed_and_evil_may_fail() {
        Tabletop table = table().propose(2, 3).allApprove();

        assertThat(table.view(2).youMay()).containsExactly(new Choice("quest", null, null, List.of("success")));
        assertThat(table.view(3).youMay()).containsExactly(new Choice("quest", null, null, List.of("success", "fail")));
        table.act(3, AvalonAction.fail());
        assertThat(table.spectator().waitingFor()).as("the team but seat 3, who played").containsExactly(2);
    }

    @Test
    void quest_results_show_the_fail_count_but_never_who_failed() {
        Tabletop table = table().propose(2, 3).allApprove().quest(3);
        AvalonView view = table.spectator();

        assertThat(view.quests()).containsExactly(new AvalonState.Quest(1, List.of(2, 3), 1, false));
        assertThat(view.log()).contains("Quest 1 failed with 1 Fail card.");
        assertThat(table.game.spectatorView().toString()).doesNotContain("\"fail\"");
    }

    @Test
    void the_vote_grid_keeps_every_decided_proposal_with_its_votes() {
        Tabletop table = table().propose(0, 2).approvedBy(0, 2).propose(1, 2).allApprove();
        List<AvalonView.ProposalRow> grid = table.spectator().proposals();

        assertThat(grid).hasSize(2);
        assertThat(grid.get(0)).isEqualTo(new AvalonView.ProposalRow(1, 1, 0, List.of(0, 2),
                List.of(Vote.APPROVE, Vote.REJECT, Vote.APPROVE, Vote.REJECT, Vote.REJECT), false, false));
        assertThat(grid.get(1).attempt()).isEqualTo(2);
        assertThat(grid.get(1).approved()).isTrue();
        assertThat(table.spectator().log()).contains(
                "Quest 1, proposal 1: seat 0 proposed seats 0, 2, rejected 2 to 3 (approve: 0, 2; reject: 1, 3, 4).");
    }

    @Test
    void in_the_assassination_the_assassin_may_name_anyone_not_known_to_be_evil() {
        Tabletop table = table().questWith(seats(0, 1)).questWith(seats(0, 1, 2)).questWith(seats(1, 2));

        assertThat(table.spectator().assassin()).isEqualTo(4);
        assertThat(table.view(4).youMay()).containsExactly(new Choice("assassinate", null, List.of(0, 1, 2), null));
        table.rejects(4, AvalonAction.assassinate(3), "avalon/target_known_evil");
        table.rejects(4, AvalonAction.assassinate(4), "avalon/target_self");
    }

    @Test
    void at_the_end_everyone_sees_the_roles_the_winner_and_how_it_ended() {
        Tabletop table = table().questWith(seats(0, 1)).questWith(seats(0, 1, 2)).questWith(seats(1, 2))
                .act(4, AvalonAction.assassinate(0));
        AvalonView view = table.spectator();

        assertThat(view.roles()).containsExactly(MERLIN, PERCIVAL, SERVANT, MORGANA, ASSASSIN);
        assertThat(view.winner()).isEqualTo(Side.EVIL);
        assertThat(view.named()).isZero();
        assertThat(view.ending()).isEqualTo("Evil wins: the Assassin named Merlin.");
        assertThat(view.log()).endsWith("The Assassin named seat 0.", "Evil wins: the Assassin named Merlin.");
        assertThat(view.waitingFor()).isEmpty();
    }

    @Test
    void the_view_json_has_the_documented_fields() {
        JsonNode seat = table().json(0);
        List<String> fields = new ArrayList<>();
        seat.fieldNames().forEachRemaining(fields::add);

        assertThat(fields).containsExactlyInAnyOrder("players", "you", "role", "side", "sees", "phase", "quest",
                "leader", "rejections", "questSizes", "failsNeeded", "team", "waitingFor", "quests", "proposals",
                "youMay", "log");
        assertThat(seat.get("role").asText()).isEqualTo("merlin");
        assertThat(seat.get("sees").get(0).toString()).isEqualTo("{\"seat\":3,\"as\":\"evil\"}");
        assertThat(seat.get("youMay").get(0).toString())
                .isEqualTo("{\"action\":\"propose\",\"teamSize\":2,\"seats\":[0,1,2,3,4]}");
    }
}

package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.MINION;
import static io.roundtable.games.avalon.Role.SERVANT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rejections in a row, the official fifth rejection, and the hammer variant. */
class HammerTest {
    static Tabletop table(boolean hammer) {
        return Tabletop.dealt(AvalonOptions.forPlayers(5).withRoles("servant").withHammer(hammer), 0,
                SERVANT, SERVANT, SERVANT, MINION, MINION);
    }

    static Tabletop fourRejections(boolean hammer) {
        Tabletop table = table(hammer);
        for (int i = 0; i < 4; i++) {
            table.rejectedProposal();
        }
        return table;
    }

    @Test
    void by_default_the_fifth_proposal_is_voted_on_like_any_other() {
        Tabletop table = fourRejections(false).propose(0, 4);
        assertThat(table.state().stage()).isEqualTo(Stage.VOTE);
        assertThat(table.game.awaiting()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void with_the_hammer_the_fifth_proposal_goes_on_the_quest_without_a_vote() {
        Tabletop table = fourRejections(true).propose(0, 4);

        assertThat(table.state().stage()).isEqualTo(Stage.QUEST);
        assertThat(table.game.awaiting()).containsExactly(0, 4);
        AvalonView.ProposalRow forced = table.spectator().proposals().get(4);
        assertThat(forced.forced()).isTrue();
        assertThat(forced.approved()).isTrue();
        assertThat(forced.votes()).isNull();
        assertThat(table.spectator().log()).contains(
                "Quest 1, proposal 5: seat 4 proposed seats 0, 4, sent on the quest without a vote.");
    }

    @Test
    void an_approved_team_resets_the_rejection_count() {
        Tabletop table = table(false).rejectedProposal().rejectedProposal();
        assertThat(table.spectator().rejections()).isEqualTo(2);

        table.propose(0, 1).allApprove();
        assertThat(table.spectator().rejections()).isZero();
        table.quest();
        assertThat(table.spectator().rejections()).isZero();
        assertThat(table.spectator().quest()).isEqualTo(2);
    }

    @Test
    void rejections_count_within_one_round_only() {
        Tabletop table = table(false);
        for (int i = 0; i < 4; i++) {
            table.rejectedProposal();
        }
        table.propose(0, 1).allApprove().quest();
        for (int i = 0; i < 4; i++) {
            table.rejectedProposal();
        }
        assertThat(table.game.over()).isFalse();
        assertThat(table.spectator().rejections()).isEqualTo(4);
    }
}

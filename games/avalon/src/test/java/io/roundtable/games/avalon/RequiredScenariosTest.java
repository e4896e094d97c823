package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MINION;
import static io.roundtable.games.avalon.Role.MORDRED;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.roundtable.games.avalon.AvalonView.Sighting;

/** The scenarios of AVALON-RULES.md that every implementation must pass, in its order. */
class RequiredScenariosTest {
    static final AvalonOptions SIX_PLAIN = AvalonOptions.forPlayers(6).withRoles("servant");

    static Tabletop sixPlain() {
        return Tabletop.dealt(SIX_PLAIN, 0, SERVANT, SERVANT, SERVANT, SERVANT, MINION, MINION);
    }

    @Nested
    class SixPlayersWithoutSpecialRoles {
        @Test
        void one_rejection_then_three_successful_quests_is_a_win_for_good() {
            Tabletop table = sixPlain().rejectedProposal()
                    .questWith(seats(0, 1)).questWith(seats(0, 1, 2)).questWith(seats(0, 1, 2, 3));

            assertThat(table.game.outcome()).hasValueSatisfying(outcome -> {
                assertThat(outcome.winners()).containsExactly(0, 1, 2, 3);
                assertThat(outcome.summary()).isEqualTo("Good wins: three quests succeeded.");
            });
            assertThat(table.game.awaiting()).isEmpty();
        }

        @Test
        void three_failed_quests_are_a_win_for_evil() {
            Tabletop table = sixPlain().questWith(seats(0, 4), 4).questWith(seats(0, 1, 4), 4)
                    .questWith(seats(0, 1, 2, 4), 4);

            assertThat(table.game.outcome()).hasValueSatisfying(outcome -> {
                assertThat(outcome.winners()).containsExactly(4, 5);
                assertThat(outcome.summary()).isEqualTo("Evil wins: three quests failed.");
            });
        }

        @Test
        void five_rejections_in_round_one_end_the_game_for_evil() {
            Tabletop table = sixPlain();
            for (int i = 0; i < 4; i++) {
                table.rejectedProposal();
            }
            assertThat(table.game.over()).isFalse();
            assertThat(table.view(0).rejections()).isEqualTo(4);

            table.rejectedProposal();

            assertThat(table.game.outcome()).hasValueSatisfying(outcome -> assertThat(outcome.summary())
                    .isEqualTo("Evil wins: five team proposals in a row were rejected."));
            assertThat(table.game.awaiting()).isEmpty();
            assertThat(table.view(0).phase()).isEqualTo(Stage.OVER);
            table.rejects(table.leader(), AvalonAction.propose(0, 1), "action/not_your_turn");
        }
    }

    @Nested
    class SixPlayersWithMerlinPercivalAssassinAndMorgana {
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(6).withRoles("merlin", "percival", "assassin", "morgana"),
                0, MERLIN, PERCIVAL, SERVANT, SERVANT, MORGANA, ASSASSIN)
                .questWith(seats(0, 1)).questWith(seats(0, 1, 2)).questWith(seats(0, 1, 2, 3));

        @Test
        void three_successes_lead_to_the_assassination() {
            assertThat(table.game.over()).isFalse();
            assertThat(table.game.awaiting()).containsExactly(5);
            assertThat(table.spectator().phase()).isEqualTo(Stage.ASSASSINATE);
            assertThat(table.spectator().assassin()).isEqualTo(5);
        }

        @Test
        void naming_percival_is_a_win_for_good() {
            table.act(5, AvalonAction.assassinate(1));

            assertThat(table.game.outcome()).hasValueSatisfying(outcome -> {
                assertThat(outcome.winners()).containsExactly(0, 1, 2, 3);
                assertThat(outcome.summary()).isEqualTo(
                        "Good wins: three quests succeeded and the Assassin missed Merlin.");
            });
        }

        @Test
        void naming_merlin_is_a_win_for_evil() {
            table.act(5, AvalonAction.assassinate(0));

            assertThat(table.game.outcome()).hasValueSatisfying(outcome -> {
                assertThat(outcome.winners()).containsExactly(4, 5);
                assertThat(outcome.summary()).isEqualTo("Evil wins: the Assassin named Merlin.");
            });
        }
    }

    @Nested
    class SevenPlayers {
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(7).withRoles("servant"), 0,
                SERVANT, SERVANT, SERVANT, SERVANT, MINION, MINION, MINION);

        @Test
        void quest_four_with_exactly_one_fail_succeeds_and_records_the_fail() {
            table.questWith(seats(0, 4), 4).questWith(seats(0, 1, 4), 4).questWith(seats(0, 1, 2))
                    .questWith(seats(0, 1, 2, 4), 4);

            AvalonState.Quest fourth = table.state().quests().get(3);
            assertThat(fourth.succeeded()).isTrue();
            assertThat(fourth.fails()).isEqualTo(1);
            assertThat(table.view(0).failsNeeded()).containsExactly(1, 1, 1, 2, 1);
        }

        @Test
        void fail_fail_success_success_with_one_fail_then_fail_is_a_win_for_evil() {
            table.questWith(seats(0, 4), 4).questWith(seats(0, 1, 4), 4).questWith(seats(0, 1, 2))
                    .questWith(seats(0, 1, 2, 4), 4).questWith(seats(0, 1, 2, 4), 4);

            assertThat(table.state().quests()).extracting(AvalonState.Quest::succeeded)
                    .containsExactly(false, false, true, true, false);
            assertThat(table.game.outcome()).hasValueSatisfying(outcome -> assertThat(outcome.summary())
                    .isEqualTo("Evil wins: three quests failed."));
        }
    }

    @Nested
    class LadyOfTheLake {
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(7).withRoles("servant").withLady(true), 0,
                SERVANT, SERVANT, SERVANT, SERVANT, MINION, MINION, MINION);

        @Test
        void after_quest_two_the_holder_must_act() {
            table.questWith(seats(0, 1)).questWith(seats(0, 1, 4), 4);

            assertThat(table.state().stage()).isEqualTo(Stage.LADY);
            assertThat(table.game.awaiting()).containsExactly(6);
            assertThat(table.view(6).youMay()).singleElement().satisfies(choice -> {
                assertThat(choice.action()).isEqualTo("lady");
                assertThat(choice.seats()).containsExactly(0, 1, 2, 3, 4, 5);
            });
        }

        @Test
        void targeting_oneself_is_refused_and_changes_nothing() {
            table.questWith(seats(0, 1)).questWith(seats(0, 1, 2));

            table.rejects(6, AvalonAction.lady(6), "avalon/lady_self");
            assertThat(table.game.awaiting()).containsExactly(6);
        }

        @Test
        void a_valid_target_takes_the_token_and_team_building_starts() {
            table.questWith(seats(0, 1)).questWith(seats(0, 1, 2)).act(6, AvalonAction.lady(2));

            assertThat(table.state().stage()).isEqualTo(Stage.PROPOSE);
            assertThat(table.game.awaiting()).containsExactly(table.leader());
            assertThat(table.view(0).lady().holder()).isEqualTo(2);
            assertThat(table.view(0).lady().heldBy()).containsExactly(6, 2);
        }

        @Test
        void there_is_no_lady_step_after_the_quest_that_ends_the_game() {
            table.questWith(seats(0, 1)).questWith(seats(0, 1, 2)).act(6, AvalonAction.lady(2))
                    .questWith(seats(0, 1, 2));

            assertThat(table.game.over()).isTrue();
            assertThat(table.game.awaiting()).isEmpty();
            assertThat(table.state().ladyUses()).hasSize(1);
        }
    }

    @Nested
    class NightVisibility {
        // Merlin needs the Assassin, so the listed roles play at ten with the Assassin added.
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(10)
                        .withRoles("merlin", "percival", "mordred", "morgana", "assassin", "minion"), 0,
                MERLIN, PERCIVAL, SERVANT, SERVANT, SERVANT, SERVANT, MORDRED, MORGANA, ASSASSIN, MINION);

        @Test
        void the_servant_sees_only_themself() {
            assertThat(table.view(2).role()).isEqualTo(SERVANT);
            assertThat(table.view(2).sees()).isEmpty();
        }

        @Test
        void merlin_sees_morgana_and_the_minion_but_not_mordred() {
            assertThat(table.view(0).sees()).extracting(Sighting::seat).containsExactly(7, 8, 9);
            assertThat(table.view(0).sees()).extracting(Sighting::as).containsOnly(Visibility.Label.EVIL);
        }

        @Test
        void percival_sees_merlin_and_morgana_as_an_unordered_pair() {
            assertThat(table.view(1).sees()).containsExactly(
                    new Sighting(0, Visibility.Label.MERLIN_OR_MORGANA), new Sighting(7, Visibility.Label.MERLIN_OR_MORGANA));
        }

        @Test
        void the_minion_sees_morgana_and_mordred() {
            assertThat(table.view(9).sees()).extracting(Sighting::seat).containsExactly(6, 7, 8);
        }

        @Test
        void everyone_sees_all_roles_at_the_end() {
            for (int i = 0; i < 5; i++) {
                table.rejectedProposal();
            }
            List<Role> dealt = table.state().roles();
            for (int seat = 0; seat < 10; seat++) {
                assertThat(table.view(seat).roles()).isEqualTo(dealt);
            }
            assertThat(table.spectator().roles()).isEqualTo(dealt);
            assertThat(table.game.outcome().orElseThrow().revealed()).containsEntry(0, "merlin").containsEntry(6, "mordred");
        }
    }

    @Nested
    class TheLeader {
        @Test
        void moves_on_after_a_rejection() {
            Tabletop table = sixPlain().rejectedProposal();
            assertThat(table.leader()).isEqualTo(1);
            assertThat(table.game.awaiting()).containsExactly(1);
        }

        @Test
        void moves_on_after_a_finished_quest_and_wraps_around_the_table() {
            Tabletop table = Tabletop.dealt(SIX_PLAIN, 5, SERVANT, SERVANT, SERVANT, SERVANT, MINION, MINION)
                    .questWith(seats(0, 1));
            assertThat(table.leader()).isZero();
            table.questWith(seats(0, 1, 4), 4);
            assertThat(table.leader()).isEqualTo(1);
        }
    }

    @Nested
    class VotesAndCards {
        @Test
        void a_tie_rejects() {
            Tabletop table = sixPlain().propose(0, 1).approvedBy(0, 1, 2);

            assertThat(table.state().proposals()).singleElement()
                    .satisfies(p -> assertThat(p.approved()).isFalse());
            assertThat(table.view(3).rejections()).isEqualTo(1);
            assertThat(table.state().stage()).isEqualTo(Stage.PROPOSE);
        }

        @Test
        void a_good_player_cannot_play_fail() {
            Tabletop table = sixPlain().propose(0, 4).allApprove();

            table.rejects(0, AvalonAction.fail(), "avalon/good_cannot_fail");
            table.act(4, AvalonAction.fail()).act(0, AvalonAction.success());
            assertThat(table.state().quests().get(0).fails()).isEqualTo(1);
        }

        @Test
        void no_vote_is_visible_to_anyone_before_the_last_vote() {
            Tabletop approving = sixPlain().propose(0, 1);
            Tabletop rejecting = sixPlain().propose(0, 1);
            for (int seat = 0; seat < 5; seat++) {
                approving.act(seat, AvalonAction.approve());
                rejecting.act(seat, AvalonAction.reject());
            }
            for (int viewer = 0; viewer < 6; viewer++) {
                assertThat(approving.json(viewer)).isEqualTo(rejecting.json(viewer));
            }
            assertThat(approving.game.spectatorView()).isEqualTo(rejecting.game.spectatorView());
            assertThat(approving.spectator().waitingFor()).as("all but seat 5 have voted").containsExactly(5);
            assertThat(approving.spectator().proposals()).isEmpty();

            approving.act(5, AvalonAction.reject());
            assertThat(approving.spectator().proposals()).singleElement().satisfies(row -> assertThat(row.votes())
                    .containsExactly(Vote.APPROVE, Vote.APPROVE, Vote.APPROVE, Vote.APPROVE, Vote.APPROVE, Vote.REJECT));
        }
    }
}

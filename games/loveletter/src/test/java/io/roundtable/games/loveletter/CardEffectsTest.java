package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.ALCHEMIST;
import static io.roundtable.games.loveletter.Card.DOWAGER;
import static io.roundtable.games.loveletter.Card.DUELIST;
import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.ORACLE;
import static io.roundtable.games.loveletter.Card.SENTRY;
import static io.roundtable.games.loveletter.Card.SMUGGLER;
import static io.roundtable.games.loveletter.Card.WARDEN;
import static io.roundtable.games.loveletter.Deal.hand;
import static io.roundtable.games.loveletter.LoveLetterAction.play;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What each card does, one sentence per test. */
class CardEffectsTest {

    @Test
    void a_sentry_naming_the_card_its_target_holds_knocks_that_player_out() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE), hand(HEIR)).deck(DUELIST, SENTRY).start();
        game.act(0, play(SENTRY).on(2).naming(HEIR));
        assertThat(game.state().out()).containsExactly(2);
        assertThat(game.state().discards().get(2)).containsExactly(HEIR);
        assertThat(game.state().hands().get(2)).isEmpty();
        assertThat(game.awaiting()).containsExactly(1);
    }

    @Test
    void a_sentry_naming_the_wrong_card_changes_nothing_but_everyone_hears_it_missed() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE), hand(HEIR)).deck(DUELIST, SENTRY).start();
        game.act(0, play(SENTRY).on(1).naming(HEIR));
        assertThat(game.state().out()).isEmpty();
        assertThat(game.spectatorView().get("log").toString()).contains("Seat 2 does not hold it.");
    }

    @Test
    void a_sentry_cannot_name_the_sentry_and_must_name_something() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(SENTRY)).deck(DUELIST).start();
        game.rejects(0, play(SENTRY).on(1).naming(SENTRY), "loveletter/guess_needed");
        game.rejects(0, play(SENTRY).on(1), "loveletter/guess_needed");
        game.rejects(0, play(SENTRY).naming(ORACLE), "loveletter/target_needed");
    }

    @Test
    void the_oracle_shows_a_hand_to_the_player_who_played_it_alone() {
        var game = Deal.hands(hand(ORACLE, WARDEN), hand(HEIR), hand(SENTRY)).deck(DUELIST, SENTRY).start();
        game.act(0, play(ORACLE).on(1));
        assertThat(game.viewOf(0).get("log").toString()).contains("Seat 2 shows you the Heir (8).");
        assertThat(game.viewOf(1).get("log").toString()).doesNotContain("Heir");
        assertThat(game.viewOf(2).get("log").toString()).doesNotContain("Heir");
        assertThat(game.spectatorView().get("log").toString()).doesNotContain("Heir");
    }

    @Test
    void the_duelist_knocks_out_the_lower_card_and_only_the_loser_learns_the_winning_card() {
        var game = Deal.hands(hand(DUELIST, DOWAGER), hand(WARDEN), hand(SENTRY)).deck(ORACLE, SENTRY).start();
        game.act(0, play(DUELIST).on(1));
        assertThat(game.state().out()).containsExactly(1);
        assertThat(game.state().discards().get(1)).containsExactly(WARDEN);
        assertThat(game.viewOf(1).get("log").toString()).contains("Seat 1 beats you with the Dowager (7).");
        assertThat(game.viewOf(2).get("log").toString()).doesNotContain("Dowager")
                .contains("Seat 2 has the lower card, the Warden (4), and is out.");
    }

    @Test
    void a_duelist_whose_own_card_is_lower_knocks_out_its_player() {
        var game = Deal.hands(hand(DUELIST, SENTRY), hand(HEIR)).deck(ORACLE, SENTRY).start();
        game.act(0, play(DUELIST).on(1));
        assertThat(game.state().out()).containsExactly(0);
        assertThat(game.over()).isTrue();
    }

    @Test
    void a_duel_of_equal_cards_knocks_out_nobody_and_both_learn_the_other_card() {
        var game = Deal.hands(hand(DUELIST, ORACLE), hand(ORACLE), hand(SENTRY)).deck(WARDEN, SENTRY).start();
        game.act(0, play(DUELIST).on(1));
        assertThat(game.state().out()).isEmpty();
        assertThat(game.viewOf(0).get("log").toString()).contains("Seat 2 holds the Oracle (2) too.");
        assertThat(game.viewOf(1).get("log").toString()).contains("Seat 1 holds the Oracle (2) too.");
        assertThat(game.viewOf(2).get("log").toString()).doesNotContain("Oracle (2) too");
    }

    @Test
    void a_warden_protects_its_player_until_their_next_turn() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(SENTRY), hand(ORACLE)).deck(DUELIST, ORACLE, SENTRY).start();
        game.act(0, play(WARDEN));
        assertThat(game.state().shielded()).containsExactly(0);
        game.rejects(1, play(SENTRY).on(0).naming(ORACLE), "loveletter/bad_target");
        game.act(1, play(SENTRY).on(2).naming(HEIR)).act(2, play(ORACLE).on(1));
        assertThat(game.state().shielded()).isEmpty();
        assertThat(game.awaiting()).containsExactly(0);
    }

    @Test
    void a_card_whose_every_possible_target_is_protected_is_played_without_effect() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(DUELIST)).deck(ORACLE, HEIR).start();
        game.act(0, play(WARDEN));
        game.rejects(1, play(DUELIST).on(0), "loveletter/bad_target");
        game.act(1, play(DUELIST));
        assertThat(game.state().out()).isEmpty();
        assertThat(game.spectatorView().get("log").toString())
                .contains("Nobody can be chosen: the card has no effect.");
    }

    @Test
    void the_alchemist_makes_a_player_discard_their_hand_and_draw_a_new_card() {
        var game = Deal.hands(hand(ALCHEMIST, SENTRY), hand(WARDEN), hand(ORACLE)).deck(DUELIST, SMUGGLER, SENTRY)
                .start();
        game.act(0, play(ALCHEMIST).on(1));
        assertThat(game.state().discards().get(1)).containsExactly(WARDEN);
        assertThat(game.state().hands().get(1)).containsExactly(DUELIST, SMUGGLER); // drew, then its turn began
    }

    @Test
    void the_alchemist_may_choose_its_own_player() {
        var game = Deal.hands(hand(ALCHEMIST, SENTRY), hand(WARDEN)).deck(DUELIST, ORACLE).start();
        game.act(0, play(ALCHEMIST).on(0));
        assertThat(game.state().discards().get(0)).containsExactly(ALCHEMIST, SENTRY);
        assertThat(game.state().hands().get(0)).containsExactly(DUELIST);
    }

    @Test
    void the_alchemist_on_a_player_holding_the_heir_knocks_them_out() {
        var game = Deal.hands(hand(ALCHEMIST, SENTRY), hand(HEIR), hand(WARDEN)).deck(DUELIST, ORACLE).start();
        game.act(0, play(ALCHEMIST).on(1));
        assertThat(game.state().out()).containsExactly(1);
        assertThat(game.state().discards().get(1)).containsExactly(HEIR);
    }

    @Test
    void the_alchemist_with_an_empty_deck_hands_over_the_set_aside_card() {
        var game = Deal.hands(hand(ALCHEMIST, SENTRY), hand(WARDEN)).deck().aside(HEIR).start();
        game.act(0, play(ALCHEMIST).on(1));
        assertThat(game.state().aside()).isNull();
        assertThat(game.over()).isTrue();
        assertThat(game.outcome().orElseThrow().winners()).containsExactly(1);
    }

    @Test
    void the_smuggler_trades_hands_and_each_of_the_two_learns_what_they_received() {
        var game = Deal.hands(hand(SMUGGLER, SENTRY), hand(HEIR), hand(WARDEN)).deck(ORACLE, SENTRY).start();
        game.act(0, play(SMUGGLER).on(1));
        assertThat(game.state().hands().get(0)).containsExactly(HEIR);
        assertThat(game.state().hands().get(1)).containsExactly(SENTRY, ORACLE);
        assertThat(game.viewOf(0).get("log").toString()).contains("You receive the Heir (8) from seat 2.");
        assertThat(game.viewOf(1).get("log").toString()).contains("You receive the Sentry (1) from seat 1.");
        assertThat(game.viewOf(2).get("log").toString()).doesNotContain("You receive");
    }

    @Test
    void the_dowager_must_be_played_when_held_with_the_alchemist_or_the_smuggler() {
        Deal.hands(hand(DOWAGER, ALCHEMIST), hand(WARDEN)).deck(ORACLE).start()
                .rejects(0, play(ALCHEMIST).on(1), "loveletter/must_play_dowager");
        var game = Deal.hands(hand(SMUGGLER, DOWAGER), hand(WARDEN)).deck(ORACLE).start();
        game.rejects(0, play(SMUGGLER).on(1), "loveletter/must_play_dowager");
        game.act(0, play(DOWAGER));
        assertThat(game.state().discards().get(0)).containsExactly(DOWAGER);
    }

    @Test
    void the_dowager_may_stay_in_hand_beside_any_other_card() {
        Deal.hands(hand(DOWAGER, HEIR), hand(WARDEN)).deck(ORACLE).start().act(0, play(HEIR));
        Deal.hands(hand(DOWAGER, SENTRY), hand(WARDEN)).deck(ORACLE).start().act(0, play(SENTRY).on(1).naming(ORACLE));
    }

    @Test
    void whoever_discards_the_heir_is_out() {
        var game = Deal.hands(hand(HEIR, SENTRY), hand(WARDEN), hand(ORACLE)).deck(DUELIST, SENTRY).start();
        game.act(0, play(HEIR));
        assertThat(game.state().out()).containsExactly(0);
        assertThat(game.state().discards().get(0)).containsExactly(HEIR, SENTRY);
    }

    @Test
    void a_play_must_be_a_card_in_hand_choosing_someone_only_when_the_card_does() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(ORACLE), hand(DUELIST)).deck(SENTRY).start();
        assertThat(game.rejects(0, play(HEIR), "loveletter/not_in_hand").message())
                .isEqualTo("You do not hold that card.");
        game.rejects(0, play(WARDEN).on(1), "loveletter/bad_target");
        game.rejects(0, play(WARDEN).naming(3), "loveletter/no_guess");
        game.rejects(0, play(SENTRY).on(0).naming(3), "loveletter/bad_target");
        game.rejects(0, play(SENTRY).on(7).naming(3), "loveletter/bad_target");
        game.rejects(1, play(ORACLE).on(0), "action/not_your_turn");
        assertThat(game.events()).isEmpty();
    }

    @Test
    void a_player_who_is_out_cannot_be_chosen() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE), hand(HEIR)).deck(DUELIST, SENTRY).start();
        game.act(0, play(SENTRY).on(2).naming(HEIR));
        game.rejects(1, play(ORACLE).on(2), "loveletter/bad_target");
        assertThat(game.viewOf(1, LoveLetterView.class).youMay())
                .flatExtracting(LoveLetterView.Option::choose).extracting(LoveLetterView.Choice::from)
                .allSatisfy(from -> assertThat(from).isEqualTo(List.of(0)));
    }
}

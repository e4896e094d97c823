package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.DOWAGER;
import static io.roundtable.games.loveletter.Card.DUELIST;
import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.ORACLE;
import static io.roundtable.games.loveletter.Card.SENTRY;
import static io.roundtable.games.loveletter.Card.WARDEN;
import static io.roundtable.games.loveletter.Deal.hand;
import static io.roundtable.games.loveletter.LoveLetterAction.play;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.spi.GameRandom;
import io.roundtable.testkit.GameScenario;

/** The match: a favour token per round won, the next round dealt afresh and started by its winner, the goal. */
class MatchTest {

    @Test
    void a_round_win_gives_its_winner_a_favour_token_and_the_match_goes_on() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(HEIR)).deck(DUELIST, ORACLE).goal(2).start();
        game.act(0, play(SENTRY).on(1).naming(HEIR));
        assertThat(game.over()).isFalse();
        assertThat(game.outcome()).isEmpty();
        assertThat(game.state().match().tokens()).containsExactly(1, 0);
        assertThat(game.state().match().round()).isEqualTo(2);
        assertThat(game.state().match().last().winners()).containsExactly(0);
        for (JsonNode view : List.of(game.viewOf(0), game.viewOf(1), game.spectatorView())) {
            assertThat(view.at("/seats/0/tokens").asInt()).isEqualTo(1);
            assertThat(view.at("/seats/1/tokens").asInt()).isZero();
            assertThat(view.get("round").asInt()).isEqualTo(2);
            assertThat(view.get("goal").asInt()).isEqualTo(2);
            assertThat(view.at("/lastRound/text").asText()).isEqualTo("Round 1 goes to seat 1: the last one standing.");
        }
    }

    @Test
    void the_next_round_is_dealt_afresh_and_started_by_the_last_rounds_winner() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(DOWAGER), hand(ORACLE)).deck().goal(2).start();
        game.act(0, play(WARDEN)); // the deck is empty: seat 1's Dowager wins the showdown
        LoveLetterState next = game.state();
        assertThat(next.turn()).isEqualTo(1);
        assertThat(game.awaiting()).containsExactly(1);
        assertThat(next.hands()).extracting(List::size).containsExactly(1, 2, 1);
        assertThat(next.discards()).allMatch(List::isEmpty);
        assertThat(next.out()).isEmpty();
        assertThat(next.shielded()).isEmpty();
        List<Integer> all = new ArrayList<>(next.deck());
        next.hands().forEach(all::addAll);
        all.add(next.aside());
        assertThat(all).as("all sixteen cards, shuffled again").containsExactlyInAnyOrderElementsOf(Card.deck());
        assertThat(game.spectatorView().get("log").findValuesAsText("text")).containsSubsequence(
                "The deck is empty: every hand still in is shown.",
                "Round 1 goes to seat 2: the highest card, the Dowager (7).",
                "Round 2: a card is set aside face down. Seat 2 plays first.");
    }

    @Test
    void the_hands_a_showdown_shows_stay_shown_and_the_new_hands_stay_hidden() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(DOWAGER), hand(ORACLE)).deck().goal(2).start();
        game.act(0, play(WARDEN));
        JsonNode seat0 = game.viewOf(0);
        assertThat(seat0.at("/lastRound/shown").toString()).isEqualTo("[1,7,2]");
        assertThat(seat0.at("/seats/0/hand").isArray()).isTrue();
        assertThat(seat0.at("/seats/1").has("hand")).isFalse();
        assertThat(seat0.has("aside")).isFalse();
        assertThat(game.spectatorView().findValues("hand")).isEmpty();
    }

    @Test
    void the_match_ends_when_a_player_reaches_the_goal() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(HEIR)).deck(DUELIST, ORACLE).goal(3).tokens(2, 1).start();
        assertThat(game.state().match().round()).isEqualTo(4);
        game.act(0, play(SENTRY).on(1).naming(HEIR));
        assertThat(game.over()).isTrue();
        assertThat(game.awaiting()).isEmpty();
        assertThat(game.state().match().tokens()).containsExactly(3, 1);
        assertThat(game.outcome().orElseThrow().winners()).containsExactly(0);
        assertThat(game.outcome().orElseThrow().summary()).isEqualTo("Seat 1 wins the match with 3 favour tokens.");
        assertThat(game.viewOf(1).get("winners").toString()).isEqualTo("[0]");
        assertThat(game.viewOf(1).get("phase").asText()).isEqualTo("over");
    }

    @Test
    void a_shared_round_gives_each_winner_a_token_and_the_first_of_them_starts() {
        var ended = new LoveLetterState(List.of(List.of(ORACLE), List.of(ORACLE)), List.of(), SENTRY,
                List.of(List.of(WARDEN), List.of(WARDEN)), List.of(), List.of(), -1, List.of(), Match.first(2, 7));
        LoveLetterState next = Rounds.next(ended, GameRandom.seeded(1));
        assertThat(next.match().tokens()).containsExactly(1, 1);
        assertThat(next.turn()).isZero();
        assertThat(next.over()).isFalse();
    }

    @Test
    void the_goal_is_seven_five_or_four_tokens_by_players_unless_the_options_say() {
        for (int players = 2; players <= 4; players++) {
            var game = GameScenario.of(new LoveLetter()).players(players).seed(5).start();
            assertThat(game.state().match().goal()).isEqualTo(new int[] { 7, 5, 4 }[players - 2]);
            assertThat(game.state().match().round()).isEqualTo(1);
            assertThat(game.state().match().tokens()).containsOnly(0).hasSize(players);
        }
        var quick = GameScenario.of(new LoveLetter()).players(4).options(new LoveLetterOptions(0, null, 2)).start();
        assertThat(quick.state().match().goal()).isEqualTo(2);
    }

    @Test
    void a_match_played_by_bots_runs_several_rounds_to_the_goal() {
        var rules = new LoveLetter();
        var game = GameScenario.of(rules).players(3).seed(9).start();
        GameRandom random = GameRandom.seeded(9);
        while (!game.over()) {
            int seat = game.awaiting().iterator().next();
            game.act(seat, rules.bot(game.state(), seat, random).orElseThrow());
        }
        Match match = game.state().match();
        assertThat(match.round()).isGreaterThanOrEqualTo(5);
        assertThat(match.tokens().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(match.round());
        assertThat(game.outcome().orElseThrow().winners()).allMatch(seat -> match.tokens().get(seat) == 5);
        assertThat(game.replayed()).isEqualTo(game.state());
    }
}

package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.DUELIST;
import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.ORACLE;
import static io.roundtable.games.loveletter.Card.SENTRY;
import static io.roundtable.games.loveletter.Card.WARDEN;
import static io.roundtable.games.loveletter.Deal.hand;
import static io.roundtable.games.loveletter.LoveLetterAction.play;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.games.loveletter.LoveLetterView.Choice;
import io.roundtable.games.loveletter.LoveLetterView.LogLine;
import io.roundtable.games.loveletter.LoveLetterView.SeatView;

/** What each viewer sees: a test per viewer, and the JSON a client receives. */
class ViewsTest {

    /** Seat 0 holds Sentry and Oracle, seat 1 the Heir, seat 2 the Warden. */
    private static final Deal DEAL = Deal.hands(hand(SENTRY, ORACLE), hand(HEIR), hand(WARDEN))
            .deck(DUELIST, SENTRY, SENTRY).aside(ORACLE);

    @Test
    void each_player_sees_their_own_hand_and_only_the_size_of_the_others() {
        var game = DEAL.start();
        LoveLetterView seat0 = game.viewOf(0, LoveLetterView.class);
        assertThat(seat0.you()).isZero();
        assertThat(seat0.seats()).extracting(SeatView::hand).containsExactly(List.of(SENTRY, ORACLE), null, null);
        assertThat(seat0.seats()).extracting(SeatView::handSize).containsExactly(2, 1, 1);
        assertThat(game.viewOf(1, LoveLetterView.class).seats()).extracting(SeatView::hand)
                .containsExactly(null, List.of(HEIR), null);
        assertThat(game.viewOf(2, LoveLetterView.class).seats()).extracting(SeatView::hand)
                .containsExactly(null, null, List.of(WARDEN));
    }

    @Test
    void a_spectator_sees_no_hand_no_private_line_and_no_set_aside_card() {
        var game = DEAL.start().act(0, play(ORACLE).on(1));
        JsonNode spectator = game.spectatorView();
        assertThat(spectator.has("you")).isFalse();
        assertThat(spectator.has("aside")).isFalse();
        assertThat(spectator.findValues("hand")).isEmpty();
        assertThat(spectator.get("log").findValuesAsText("onlyYou")).containsOnly("false");
        assertThat(spectator.get("youMay").size()).isZero();
    }

    @Test
    void the_oracle_result_appears_only_in_the_log_of_the_player_who_looked() {
        var game = DEAL.start().act(0, play(ORACLE).on(1));
        assertThat(game.viewOf(0, LoveLetterView.class).log())
                .contains(new LogLine("Seat 2 shows you the Heir (8).", true));
        for (int seat : List.of(1, 2)) {
            assertThat(game.viewOf(seat, LoveLetterView.class).log()).noneMatch(LogLine::onlyYou)
                    .extracting(LogLine::text).contains("Seat 1 plays the Oracle (2) on seat 2.");
        }
    }

    @Test
    void discards_protection_knock_outs_and_the_turn_are_public() {
        var game = DEAL.start().act(0, play(SENTRY).on(1).naming(HEIR)).act(2, play(WARDEN));
        for (JsonNode view : List.of(game.viewOf(0), game.viewOf(1), game.viewOf(2), game.spectatorView())) {
            assertThat(view.at("/seats/0/discards").toString()).isEqualTo("[1]");
            assertThat(view.at("/seats/1/discards").toString()).isEqualTo("[8]");
            assertThat(view.at("/seats/1/out").asBoolean()).isTrue();
            assertThat(view.at("/seats/2/shielded").asBoolean()).isTrue();
            assertThat(view.at("/turn").asInt()).isZero();
            assertThat(view.at("/deckLeft").asInt()).isEqualTo(1);
        }
    }

    @Test
    void only_the_player_on_turn_is_offered_plays_each_with_its_legal_choices() {
        var game = DEAL.start();
        LoveLetterView seat0 = game.viewOf(0, LoveLetterView.class);
        assertThat(seat0.youMay()).extracting(o -> o.action()).containsExactly(play(SENTRY), play(ORACLE));
        assertThat(seat0.youMay().get(0).choose()).containsExactly(new Choice("target", List.of(1, 2)),
                new Choice("guess", List.of(2, 3, 4, 5, 6, 7, 8)));
        assertThat(seat0.youMay().get(1).choose()).containsExactly(new Choice("target", List.of(1, 2)));
        assertThat(game.viewOf(1, LoveLetterView.class).youMay()).isEmpty();
    }

    @Test
    void a_protected_player_is_not_offered_as_a_target() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(ORACLE), hand(HEIR)).deck(DUELIST, SENTRY).start()
                .act(0, play(WARDEN));
        assertThat(game.viewOf(1, LoveLetterView.class).youMay()).flatExtracting(LoveLetterView.Option::choose)
                .filteredOn(c -> c.param().equals("target")).extracting(Choice::from).containsOnly(List.of(2));
    }

    @Test
    void once_the_round_is_over_every_hand_the_set_aside_card_and_the_winners_are_shown_to_all() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(HEIR), hand(ORACLE)).deck().aside(DUELIST).start()
                .act(0, play(WARDEN));
        for (JsonNode view : List.of(game.viewOf(1), game.spectatorView())) {
            assertThat(view.get("phase").asText()).isEqualTo("over");
            assertThat(view.at("/seats/0/hand").toString()).isEqualTo("[1]");
            assertThat(view.at("/seats/2/hand").toString()).isEqualTo("[2]");
            assertThat(view.get("aside").asInt()).isEqualTo(DUELIST);
            assertThat(view.get("winners").toString()).isEqualTo("[1]");
            assertThat(view.has("turn")).isFalse();
        }
    }

    @Test
    void the_json_a_client_receives_has_this_shape() {
        var game = DEAL.start().act(0, play(ORACLE).on(1));
        JsonNode seat1 = game.viewOf(1); // on turn, holding the Heir and the Duelist it drew
        System.out.println("seat 1 view: " + seat1.toPrettyString());
        assertThat(Json.write(seat1.get("youMay"))).isEqualTo("[{\"action\":{\"type\":\"play\",\"card\":3},"
                + "\"label\":\"Play the Duelist (3)\",\"choose\":[{\"param\":\"target\",\"from\":[0,2]}]},"
                + "{\"action\":{\"type\":\"play\",\"card\":8},\"label\":\"Play the Heir (8)\",\"choose\":[]}]");
        assertThat(Json.write(seat1.get("seats").get(1)))
                .isEqualTo("{\"seat\":1,\"hand\":[8,3],\"handSize\":2,\"discards\":[],\"out\":false,"
                        + "\"shielded\":false,\"tokens\":0}");
        assertThat(Json.write(seat1.get("seats").get(0))).doesNotContain("\"hand\":");
        assertThat(Json.write(seat1.get("log").get(1)))
                .isEqualTo("{\"text\":\"Seat 1 plays the Oracle (2) on seat 2.\",\"onlyYou\":false}");
        assertThat(Json.write(seat1.get("cards").get(0))).isEqualTo("{\"value\":1,\"name\":\"Sentry\",\"copies\":5,"
                + "\"aim\":\"OTHER\",\"text\":\"Choose another player and name a card other than the Sentry: "
                + "if they hold it, they are out.\"}");
        assertThat(Json.write(new LoveLetter.Played(0, SENTRY, 1, HEIR)))
                .isEqualTo("{\"seat\":0,\"card\":1,\"target\":1,\"guess\":8}");
        assertThat(Json.write(play(WARDEN))).isEqualTo("{\"type\":\"play\",\"card\":4}");
    }
}

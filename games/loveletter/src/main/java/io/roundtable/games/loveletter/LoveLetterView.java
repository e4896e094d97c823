package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.List;

import io.roundtable.core.spi.Viewer;
import io.roundtable.games.loveletter.LoveLetterState.Note;

/**
 * What one viewer sees of the match and its current round. Hidden values are null, and so absent from the JSON.
 *
 * @param you       the viewer's seat; null for a spectator
 * @param phase     {@code "play"} or {@code "over"} (the match)
 * @param round     the round being played (the last one once over), from 1
 * @param goal      the favour tokens that win the match
 * @param turn      the seat on turn; null once over
 * @param deckLeft  cards left in the draw pile
 * @param aside     the set-aside card of the last round, shown once the match is over
 * @param seats     every seat, in seat order
 * @param lastRound how the previous round ended (who won it, why, the hands a showdown showed); null in round 1
 * @param log       the public lines and the viewer's own private lines of the whole match, oldest first
 * @param youMay    the plays open to the viewer right now (empty when it is not their turn)
 * @param winners   the seats that won the match, once it is over
 * @param cards     the card reference: value, name, copies, whom it chooses, text
 */
public record LoveLetterView(Integer you, String phase, int round, int goal, Integer turn, int deckLeft, Integer aside,
        List<SeatView> seats, Match.RoundResult lastRound, List<LogLine> log, List<Option> youMay, List<Integer> winners,
        List<Card> cards) {

    /**
     * One seat. {@code hand} is shown only to its holder, and to everyone once the match is over;
     * {@code handSize}, the round's discards and the match's favour {@code tokens} always.
     */
    public record SeatView(int seat, List<Integer> hand, int handSize, List<Integer> discards, boolean out,
            boolean shielded, int tokens) {
    }

    /** A line of the log; {@code onlyYou} marks what only this viewer reads. */
    public record LogLine(String text, boolean onlyYou) {
    }

    /**
     * One legal play, for a generic UI: a button labelled {@code label} that sends {@code action}
     * completed with one value picked for each {@link Choice}.
     */
    public record Option(LoveLetterAction action, String label, List<Choice> choose) {
    }

    /** A parameter of an action ({@code "target"} or {@code "guess"}) and the values it may take. */
    public record Choice(String param, List<Integer> from) {
    }

    /**
     * Built from scratch for one viewer: a hand only for its holder, private lines only for their
     * reader; everything once the match is over (except the order of what is left of the deck).
     */
    static LoveLetterView of(LoveLetterState state, Viewer viewer, List<Option> youMay, List<Integer> winners) {
        boolean over = state.over();
        List<SeatView> seats = new ArrayList<>();
        for (int seat = 0; seat < state.players(); seat++) {
            List<Integer> hand = state.hands().get(seat);
            seats.add(new SeatView(seat, over || viewer.is(seat) ? hand : null, hand.size(),
                    state.discards().get(seat), state.out().contains(seat), state.shielded().contains(seat),
                    state.match().tokens().get(seat)));
        }
        List<LogLine> log = new ArrayList<>();
        for (Note note : state.log()) {
            if (note.to() == null) {
                log.add(new LogLine(note.text(), false));
            } else if (viewer.is(note.to())) {
                log.add(new LogLine(note.text().replace("{card}", Card.label(note.card())), true));
            }
        }
        return new LoveLetterView(viewer.isSpectator() ? null : viewer.seat(), over ? "over" : "play",
                state.match().round(), state.match().goal(), over ? null : state.turn(), state.deck().size(),
                over ? state.aside() : null, seats, state.match().last(), log, youMay, winners, Card.ALL);
    }
}

package io.roundtable.games.liarsdice;

import java.util.List;

import io.roundtable.core.spi.Choice;

/**
 * What one viewer sees, drawn by the browser UI's generic table without a line of JavaScript: the
 * facts, a row per seat for the per-seat lists, {@code myDice} under "Only you see this", and a button
 * per choice of {@code youMay}.
 *
 * @param you       the viewer's seat; null for a spectator
 * @param myDice    the viewer's own dice this round
 * @param diceLeft  per seat, how many dice it still has (public)
 * @param turn      the seat on turn; null once the game is over
 * @param bid       the bid standing this round, null before the first
 * @param lastCall  what the last call of "liar" showed, in one sentence
 * @param shownDice per seat, the dice the last call showed (public once shown)
 * @param winner    the last seat with dice, once the game is over
 * @param youMay    what the viewer may do now
 */
public record LiarsDiceView(Integer you, List<Integer> myDice, List<Integer> diceLeft, Integer turn,
        LiarsDiceState.Standing bid, String lastCall, List<String> shownDice, Integer winner, List<Choice> youMay) {
}

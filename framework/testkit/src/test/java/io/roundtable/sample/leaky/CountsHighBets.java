package io.roundtable.sample.leaky;

import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardState;

/**
 * Deliberately leaky: while bets are still coming in, every view says how many "high" bets were
 * placed so far. No single bet is shown, yet a count is enough to learn one. The checker's
 * "alternatives" (the other bet) must catch it.
 */
public class CountsHighBets extends HighCard {
    @Override
    public String id() {
        return "leaky_bets";
    }

    /** The sample game's view plus a count that should not be there. */
    public record CountingView(Object view, long highBetsSoFar) {
    }

    @Override
    public Object view(HighCardState state, Viewer viewer) {
        long high = state.bets().stream().filter("high"::equals).count();
        return new CountingView(super.view(state, viewer), high);
    }
}

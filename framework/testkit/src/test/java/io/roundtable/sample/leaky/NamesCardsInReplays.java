package io.roundtable.sample.leaky;

import java.util.Map;

import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardState;

/**
 * Deliberately leaky in the archive through the state: a replay says which card a seat swapped away,
 * a card only that seat ever saw.
 */
public class NamesCardsInReplays extends HighCard {
    @Override
    public String id() {
        return "leaky_swaps";
    }

    @Override
    public Object moveView(HighCardState state, int seat, HighCardAction action, Viewer viewer) {
        return action instanceof HighCardAction.Swap
                ? Map.of("type", "swap", "gaveUp", state.hands().get(seat))
                : super.moveView(state, seat, action, viewer);
    }
}
